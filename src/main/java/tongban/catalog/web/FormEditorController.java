package tongban.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.FormView;
import tongban.catalog.ServiceGuide;
import tongban.catalog.internal.CatalogEditing;
import tongban.directory.DirectoryManagement;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import java.util.Objects;

/**
 * The console's application-form editor: fields as rows (add, remove, move, save with the draft's lock version), a
 * live preview rendered by the server as the applicant will see it (htmx on every change; a button without script),
 * and a trial fill that runs the real server-side validation against the previewed definition.
 */
@Controller
class FormEditorController {

	static final String VALUE_PREFIX = "v.";

	private final CatalogEditing editing;
	private final CatalogManagement catalog;
	private final FormValidation validation;
	private final DirectoryManagement directory;
	private final MessageSource messages;
	private final JsonMapper json;

	FormEditorController(CatalogEditing editing, CatalogManagement catalog,
			FormValidation validation, DirectoryManagement directory,
			MessageSource messages, JsonMapper json) {
		this.editing = editing;
		this.catalog = catalog;
		this.validation = validation;
		this.directory = directory;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/console/items/{code}/form")
	String page(@PathVariable String code, @CurrentStaff StaffMember staff, Model model, Locale locale) {
		CatalogEditing.Detail d = editing.detail(CatalogEditing.Editor.of(staff), code);
		ServiceGuide g = d.openGuide() != null ? d.openGuide() : d.published() == null ? null : catalog.guide(d.published());
		FormDefinition def = g == null ? FormDefinition.EMPTY : g.form();
		model.addAttribute("editorForm", FormEditorForm.of(def, d.open() == null ? 0 : d.open().lockVersion()));
		return page(d, def, Map.of(), List.of(), null, model, locale);
	}

	@PostMapping("/console/items/{code}/form")
	String post(@PathVariable String code, @RequestParam(defaultValue = "save") String action,
			@RequestParam(required = false) String newType, @ModelAttribute("editorForm") FormEditorForm form,
			BindingResult errors, @CurrentStaff StaffMember staff, Model model, Locale locale, RedirectAttributes redirect) {
		CatalogEditing.Editor e = CatalogEditing.Editor.of(staff);
		CatalogEditing.Detail d = editing.detail(e, code);
		List<FormEditorForm.Row> rows = form.getFields();
		rows.removeIf(Objects::isNull);
		if (action.equals("add")) {
			String type = Stream.of(FormDefinition.FieldType.values()).map(Enum::name).filter(t -> t.equals(newType)).findFirst().orElse("TEXT");
			rows.add(FormEditorForm.Row.of(freeKey(rows), type));
		}
		else if (action.startsWith("remove-") || action.startsWith("up-") || action.startsWith("down-")) {
			int i = index(action, rows.size());
			if (i >= 0 && action.startsWith("remove-")) {
				rows.remove(i);
			}
			else if (i > 0 && action.startsWith("up-")) {
				rows.add(i - 1, rows.remove(i));
			}
			else if (i >= 0 && i < rows.size() - 1 && action.startsWith("down-")) {
				rows.add(i + 1, rows.remove(i));
			}
		}
		FormDefinition def = form.definition(errors);
		if (action.equals("save")) {
			for (FormDefinition.Problem p : def.problems()) {
				errors.rejectValue("fields[" + p.index() + "]." + ("showIf".equals(p.property()) ? "showIfField" : p.property()), p.code());
			}
			if (!errors.hasErrors() && editing.saveForm(e, code, def, form.getLockVersion(), errors) >= 0) {
				redirect.addFlashAttribute("banner", "form.saved");
				return "redirect:/console/items/" + code + "/form";
			}
		}
		else {
			model.addAttribute("unsaved", true);
		}
		return page(d, def, Map.of(), List.of(), null, model, locale);
	}

	/** The live preview of the definition being edited (htmx). */
	@PostMapping(value = "/console/items/{code}/form/preview", headers = "HX-Request")
	String preview(@PathVariable String code, @ModelAttribute("editorForm") FormEditorForm form, BindingResult errors,
			@CurrentStaff StaffMember staff, Model model, Locale locale) {
		editing.detail(CatalogEditing.Editor.of(staff), code);
		form.getFields().removeIf(Objects::isNull);
		preview(code, form.definition(errors), Map.of(), List.of(), null, model, locale);
		return "catalog/console-form :: preview";
	}

	/** A trial fill of the previewed form, validated on the server exactly as an application will be. */
	@PostMapping("/console/items/{code}/form/try")
	String tryFill(@PathVariable String code, @RequestParam("_definition") String definition,
			@RequestParam(name = "_addRow", required = false) String addRow,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			@CurrentStaff StaffMember staff, Model model, Locale locale) {
		CatalogEditing.Detail d = editing.detail(CatalogEditing.Editor.of(staff), code);
		FormDefinition def;
		try {
			def = json.readValue(definition, FormDefinition.class);
		}
		catch (JacksonException ex) {
			throw new DomainException(DomainException.Kind.INVALID, "bad-request", "the previewed definition does not parse");
		}
		Map<String, FormValidation.FileRef> files = new LinkedHashMap<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			multipart.getFileMap().forEach((name, file) -> files.put(name, ref(file)));
		}
		Map<String, Object> values = FormValidation.fromParameters(def, request.getParameterMap(), files, VALUE_PREFIX);
		List<FormValidation.FieldError> fieldErrors = List.of();
		FormValidation.Result result = null;
		if (addRow == null) {
			result = validation.validate(def, values);
			fieldErrors = result.errors();
		}
		if (htmx != null) {
			preview(code, def, values, fieldErrors, addRow, model, locale);
			model.addAttribute("tryResult", result);
			return "catalog/console-form :: preview";
		}
		model.addAttribute("editorForm", FormEditorForm.of(def, d.open() == null ? 0 : d.open().lockVersion()));
		model.addAttribute("tryResult", result);
		return page(d, def, values, fieldErrors, addRow, model, locale);
	}

	private String page(CatalogEditing.Detail d, FormDefinition def, Map<String, ?> values, List<FormValidation.FieldError> errors,
			String addRow, Model model, Locale locale) {
		boolean editable = d.open() != null && d.open().status().name().equals("DRAFT");
		model.addAttribute("detail", d);
		model.addAttribute("code", d.code());
		model.addAttribute("editable", editable);
		model.addAttribute("types", Stream.of(FormDefinition.FieldType.values()).map(Enum::name).toList());
		model.addAttribute("applicantKinds", Stream.of(FormDefinition.Applicant.values()).map(Enum::name).toList());
		model.addAttribute("groupKeys", def.fields().stream().filter(FormDefinition.Field::isGroup).map(FormDefinition.Field::key).toList());
		model.addAttribute("fieldKeys", def.fields().stream().filter(f -> !f.isGroup() && f.key() != null).map(FormDefinition.Field::key).toList());
		preview(d.code(), def, values, errors, addRow, model, locale);
		return "catalog/console-form";
	}

	private void preview(String code, FormDefinition def, Map<String, ?> values, List<FormValidation.FieldError> errors,
			String addRow, Model model, Locale locale) {
		List<FormDefinition.Problem> problems = def.problems();
		model.addAttribute("code", code);
		model.addAttribute("problems", problems.stream()
			.map(p -> messages.getMessage("form.problem", new Object[] { p.index() + 1,
					messages.getMessage(p.code(), null, p.code(), locale) }, locale))
			.toList());
		// a definition with mistakes still previews what can be shown: fields without a type are left out
		FormDefinition shown = new FormDefinition(def.fields().stream().filter(f -> f.type() != null && f.key() != null && f.label() != null).toList());
		model.addAttribute("view", FormView.of(shown, values, errors, VALUE_PREFIX, addRow, messages, locale));
		model.addAttribute("definitionJson", json.writeValueAsString(shown));
		model.addAttribute("regions", directory.formRegions());
	}

	private static FormValidation.FileRef ref(MultipartFile file) {
		return new FormValidation.FileRef(file.getOriginalFilename(), file.getContentType(), file.getSize());
	}

	private static String freeKey(List<FormEditorForm.Row> rows) {
		for (int n = rows.size() + 1;; n++) {
			String key = "field" + n;
			if (rows.stream().noneMatch(r -> key.equals(r.getKey()))) {
				return key;
			}
		}
	}

	private static int index(String action, int size) {
		try {
			int i = Integer.parseInt(action.substring(action.indexOf('-') + 1));
			return i >= 0 && i < size ? i : -1;
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
