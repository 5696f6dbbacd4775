package tongban.catalog.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.catalog.internal.CatalogEditing;
import tongban.catalog.internal.ItemForms;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import org.springframework.validation.BeanPropertyBindingResult;

/** The catalogue console: department admins edit and submit; platform admins review and publish. */
@Controller
class CatalogConsoleController {

	private final CatalogEditing editing;
	private final CatalogManagement catalog;

	CatalogConsoleController(CatalogEditing editing, CatalogManagement catalog) {
		this.editing = editing;
		this.catalog = catalog;
	}

	/** The signed-in staff member as a catalogue editor: department admin of their department, or platform admin. */
	@GetMapping("/console/items")
	String list(@CurrentStaff StaffMember staff, Model model) {
		CatalogEditing.Editor e = CatalogEditing.Editor.of(staff);
		model.addAttribute("editor", e);
		model.addAttribute("items", editing.list(e));
		return "catalog/console-items";
	}

	@GetMapping("/console/items/new")
	String newForm(Model model) {
		model.addAttribute("form", ItemForm.empty());
		return editPage(model, null);
	}

	@PostMapping("/console/items")
	String create(@ModelAttribute("form") ItemForm form, BindingResult errors, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		return editing.create(CatalogEditing.Editor.of(staff), form, errors).map(code -> {
			redirect.addFlashAttribute("banner", "item.saved");
			return "redirect:/console/items/" + code;
		}).orElseGet(() -> editPage(model, null));
	}

	@GetMapping("/console/items/{code}")
	String detail(@PathVariable String code, @CurrentStaff StaffMember staff, Model model) {
		CatalogEditing.Detail d = editing.detail(CatalogEditing.Editor.of(staff), code);
		if (d.openGuide() != null) {
			model.addAttribute("form", ItemForms.form(d.openGuide(), d.open().lockVersion()));
		}
		return detailPage(d, staff, model);
	}

	@PostMapping("/console/items/{code}")
	String save(@PathVariable String code, @RequestParam(defaultValue = "save") String action,
			@ModelAttribute("form") ItemForm form, BindingResult errors, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		CatalogEditing.Editor e = CatalogEditing.Editor.of(staff);
		long saved = editing.save(e, code, form, errors);
		if (saved < 0) {
			return detailPage(editing.detail(e, code), staff, model);
		}
		if ("submit".equals(action) && !editing.submit(e, code, errors)) {
			// saved but stopped by the gate: show the errors on a form that carries the new lock version
			ItemForm current = ItemForms.form(ItemForms.guide(form, "", new BeanPropertyBindingResult(form, "f")).orElseThrow(), saved);
			var rebound = new BeanPropertyBindingResult(current, "form");
			rebound.addAllErrors(errors);
			model.addAttribute("form", current);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", rebound);
			return detailPage(editing.detail(e, code), staff, model);
		}
		redirect.addFlashAttribute("banner", "submit".equals(action) ? "item.submitted" : "item.saved");
		return "redirect:/console/items/" + code;
	}

	@PostMapping("/console/items/{code}/edit")
	String edit(@PathVariable String code, @CurrentStaff StaffMember staff) {
		editing.edit(CatalogEditing.Editor.of(staff), code);
		return "redirect:/console/items/" + code;
	}

	@PostMapping("/console/items/{code}/publish")
	String publish(@PathVariable String code, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		var errors = new BeanPropertyBindingResult(ItemForm.empty(), "form");
		if (!editing.publish(CatalogEditing.Editor.of(staff), code, errors)) {
			model.addAttribute("gateErrors", errors.getFieldErrors().stream().map(f -> f.getCode()).toList());
			return detailPage(editing.detail(CatalogEditing.Editor.of(staff), code), staff, model);
		}
		redirect.addFlashAttribute("banner", "item.published");
		return "redirect:/console/items/" + code;
	}

	/** The reason typed when withdrawing an item. */
	record WithdrawForm(String reason) {
	}

	@PostMapping("/console/items/{code}/withdraw")
	String withdraw(@PathVariable String code, @ModelAttribute("withdrawForm") WithdrawForm form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		if (!editing.withdraw(CatalogEditing.Editor.of(staff), code, form.reason(), errors)) {
			return detailPage(editing.detail(CatalogEditing.Editor.of(staff), code), staff, model);
		}
		redirect.addFlashAttribute("banner", "item.withdrawn");
		return "redirect:/console/items/" + code;
	}

	@PostMapping("/console/items/{code}/return")
	String returnToDepartment(@PathVariable String code, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		editing.returnToDepartment(CatalogEditing.Editor.of(staff), code);
		redirect.addFlashAttribute("banner", "item.returned");
		return "redirect:/console/items/" + code;
	}

	private String detailPage(CatalogEditing.Detail d, @CurrentStaff StaffMember staff, Model model) {
		if (!model.containsAttribute("withdrawForm")) {
			model.addAttribute("withdrawForm", new WithdrawForm(""));
		}
		model.addAttribute("detail", d);
		model.addAttribute("editor", CatalogEditing.Editor.of(staff));
		model.addAttribute("publishedGuide", d.published() == null ? null : catalog.guide(d.published()));
		return editPage(model, d.code());
	}

	private String editPage(Model model, String code) {
		model.addAttribute("code", code);
		model.addAttribute("themes", catalog.themes());
		model.addAttribute("types", List.of(ServiceGuide.ItemType.values()).stream().map(Enum::name).toList());
		model.addAttribute("resultTypes", List.of(ServiceGuide.ResultType.values()).stream().map(Enum::name).toList());
		model.addAttribute("forms", List.of("ONLINE", "WINDOW", "POST"));
		model.addAttribute("units", ItemForms.UNITS);
		model.addAttribute("processes", ServiceGuide.PROCESSES);
		model.addAttribute("parties", List.of("CITIZEN", "LEGAL_PERSON"));
		return "catalog/console-item";
	}
}
