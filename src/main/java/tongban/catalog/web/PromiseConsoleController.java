package tongban.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemPromise;
import tongban.catalog.ItemPromises;
import tongban.catalog.PublishedItem;
import tongban.catalog.internal.CatalogEditing;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 告知承诺 of an item, a page of its own beside the item console: the 承诺书's wording, the materials it replaces, the
 * sampling rate and the deadline of the post-approval check. The item's department admin keeps it (a platform admin
 * any); another department's item is 404.
 */
@Controller
class PromiseConsoleController {

	/** The wording offered when an item has none yet: the parts the national template (国办发〔2020〕42号) asks for. */
	static final String TEMPLATE = """
			一、事项名称：%s
			二、办理要求：申请人应当符合本事项的受理条件，并具备以下材料所证明的条件：%s。
			三、承诺内容：本人（本单位）已知晓上述要求，承诺所申请事项符合上述条件，所填信息真实、准确、完整，愿意接受行政机关的核查。
			四、不实承诺的后果：如承诺不实，行政机关将依法撤销准予决定、吊销相应电子证照，并将失信情况记入信用记录，一年内不再适用告知承诺制办理；构成违法的，依法承担法律责任。""";

	private final ItemPromises promises;
	private final CatalogManagement catalog;

	PromiseConsoleController(ItemPromises promises, CatalogManagement catalog) {
		this.promises = promises;
		this.catalog = catalog;
	}

	@GetMapping("/console/items/{code}/promise")
	String page(@PathVariable String code, @CurrentStaff StaffMember staff, Model model) {
		PublishedItem item = editable(code, staff);
		ItemPromise current = promises.find(code).orElse(null);
		Map<String, Object> form = new LinkedHashMap<>();
		List<String> names = item.guide().materials().stream().map(m -> m.name()).toList();
		form.put("text", current != null ? current.text() : TEMPLATE.formatted(item.guide().name(), String.join("、", names)));
		form.put("replaced", current != null ? current.replaced() : List.of());
		form.put("samplePercent", current != null ? current.samplePercent() : ItemPromise.DEFAULT_SAMPLE_PERCENT);
		form.put("checkDays", current != null ? current.checkDays() : ItemPromise.DEFAULT_CHECK_DAYS);
		form.put("active", current == null || current.active());
		return page(item, current, form, Map.of(), model);
	}

	@PostMapping("/console/items/{code}/promise")
	String save(@PathVariable String code, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) List<String> replaced, @RequestParam(defaultValue = "") String samplePercent,
			@RequestParam(defaultValue = "") String checkDays, @RequestParam(required = false) String active,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		PublishedItem item = editable(code, staff);
		CatalogEditing.Editor editor = CatalogEditing.Editor.of(staff);
		List<FieldProblem> problems = promises.save(code, editor.platformAdmin() ? null : editor.departmentCode(), staff.name(), text,
				replaced == null ? List.of() : replaced, number(samplePercent), number(checkDays), active != null);
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "proactive.promise.item.saved");
			return "redirect:/console/items/" + code + "/promise";
		}
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("text", text);
		form.put("replaced", replaced == null ? List.of() : replaced);
		form.put("samplePercent", samplePercent);
		form.put("checkDays", checkDays);
		form.put("active", active != null);
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(p.field(), p.code()));
		return page(item, promises.find(code).orElse(null), form, errors, model);
	}

	private String page(PublishedItem item, ItemPromise current, Map<String, Object> form, Map<String, String> errors, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("materials", item.guide().materials().stream().map(m -> m.name()).toList());
		return "proactive/promise/item-promise";
	}

	/** The published item if the staff member keeps it: their department's as its admin, any as a platform admin. */
	private PublishedItem editable(String code, StaffMember staff) {
		CatalogEditing.Editor editor = CatalogEditing.Editor.of(staff);
		return catalog.published(code)
			.filter(i -> editor.platformAdmin() || editor.departmentCode() != null && editor.departmentCode().equals(i.guide().department()))
			.orElseThrow(() -> DomainException.notFound("item"));
	}

	private static Integer number(String typed) {
		String t = typed == null ? "" : typed.strip().replace("%", "");
		return t.matches("\\d{1,3}") ? Integer.valueOf(t) : null;
	}
}
