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

import tongban.catalog.Bundle;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.catalog.internal.BundleEditing;
import tongban.catalog.internal.BundleEditing.BundleForm;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import java.util.Optional;

/**
 * 一件事一次办 bundles in the console (platform admins only, by the security rules for /console/**): the list, a new
 * bundle, changes with a preview of the combined form and material set applicants will see, retire and restore.
 */
@Controller
class BundleConsoleController {

	private final BundleEditing editing;
	private final CatalogManagement catalog;

	BundleConsoleController(BundleEditing editing, CatalogManagement catalog) {
		this.editing = editing;
		this.catalog = catalog;
	}

	@GetMapping("/console/bundles")
	String list(Model model) {
		model.addAttribute("bundles", editing.list());
		return "catalog/console-bundles";
	}

	@GetMapping("/console/bundles/new")
	String newForm(Model model) {
		model.addAttribute("form", new BundleForm());
		return page(model, null);
	}

	@PostMapping("/console/bundles")
	String create(@ModelAttribute("form") BundleForm form, BindingResult errors, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		return editing.save(null, form, errors, staff.name()).map(code -> {
			redirect.addFlashAttribute("banner", "bundle.console.saved");
			return "redirect:/console/bundles/" + code;
		}).orElseGet(() -> page(model, null));
	}

	@GetMapping("/console/bundles/{code}")
	String detail(@PathVariable String code, Model model) {
		CatalogManagement.StoredBundle b = editing.find(code).orElseThrow(() -> DomainException.notFound("bundle"));
		model.addAttribute("form", BundleForm.of(b.bundle()));
		return page(model, b);
	}

	@PostMapping("/console/bundles/{code}")
	String save(@PathVariable String code, @ModelAttribute("form") BundleForm form, BindingResult errors, @CurrentStaff StaffMember staff,
			Model model, RedirectAttributes redirect) {
		CatalogManagement.StoredBundle b = editing.find(code).orElseThrow(() -> DomainException.notFound("bundle"));
		if (editing.save(code, form, errors, staff.name()).isEmpty()) {
			return page(model, b);
		}
		redirect.addFlashAttribute("banner", "bundle.console.saved");
		return "redirect:/console/bundles/" + code;
	}

	@PostMapping("/console/bundles/{code}/status")
	String status(@PathVariable String code, @RequestParam boolean active, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		editing.setActive(code, active, staff.name());
		redirect.addFlashAttribute("banner", active ? "bundle.console.restored" : "bundle.console.retired");
		return "redirect:/console/bundles/" + code;
	}

	private String page(Model model, CatalogManagement.StoredBundle b) {
		model.addAttribute("bundle", b);
		model.addAttribute("audiences", BundleEditing.AUDIENCES);
		model.addAttribute("audit", b == null ? List.of() : editing.audit(b.bundle().code()));
		if (b != null) {
			List<ServiceGuide> guides = b.bundle().items().stream().map(catalog::published).flatMap(Optional::stream)
				.map(p -> p.guide()).toList();
			model.addAttribute("guides", guides);
			model.addAttribute("combinedForm", Bundle.combinedForm(guides));
			model.addAttribute("combinedMaterials", Bundle.combinedMaterials(guides));
			model.addAttribute("separateFields", guides.stream().mapToInt(g -> g.applicationForm().fields().size()).sum());
		}
		return "catalog/console-bundle";
	}
}
