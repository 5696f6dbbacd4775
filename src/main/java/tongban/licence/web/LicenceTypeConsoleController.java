package tongban.licence.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.licence.LicenceManagement;
import tongban.licence.LicenceType;
import tongban.shared.DomainException;

/**
 * Licence types in the console (platform admins): the list, and one type's definition with its template as lines
 * {@code label | source | role | masked}; a template without a catalogue field (holder, number, issuer, date) or a
 * type code that is not a USCC plus 3 digits is refused with every problem listed, and nothing is saved.
 */
@Controller
class LicenceTypeConsoleController {

	private final LicenceManagement licences;

	LicenceTypeConsoleController(LicenceManagement licences) {
		this.licences = licences;
	}

	/** The form as typed: lists one per line, the template as "label | source | role | masked". */
	record TypeForm(String code, String name, String definingAuthority, String numberPrefix, String holderKind, String validityYears,
			String items, String sealTypes, String fields) {

		static TypeForm of(LicenceType t) {
			StringBuilder f = new StringBuilder();
			for (LicenceType.Field x : t.fields()) {
				f.append(x.label()).append(" | ").append(x.source()).append(" | ").append(x.role() == null ? "" : x.role())
					.append(Boolean.TRUE.equals(x.masked()) ? " | masked" : "").append('\n');
			}
			return new TypeForm(t.code(), t.name(), t.definingAuthority(), t.numberPrefix(), t.holderKind(),
					t.validityYears() == null ? "" : t.validityYears().toString(), String.join("\n", t.items()), String.join("\n", t.sealTypes()),
					f.toString());
		}

		LicenceType type(List<String> problems) {
			Integer years = null;
			if (!validityYears.isBlank()) {
				try {
					years = Integer.valueOf(validityYears.strip());
					if (years < 1 || years > 100) {
						problems.add("licence.type.error.validity");
					}
				}
				catch (NumberFormatException e) {
					problems.add("licence.type.error.validity");
				}
			}
			List<LicenceType.Field> parsed = new ArrayList<>();
			for (String line : fields.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
				String[] p = line.split("\\|", -1);
				if (p.length < 2 || p[0].isBlank() || p[1].isBlank()) {
					problems.add("licence.type.error.fieldLine");
					continue;
				}
				parsed.add(new LicenceType.Field(p[0].strip(), p[1].strip(), p.length > 2 && !p[2].isBlank() ? p[2].strip() : null,
						p.length > 3 && p[3].strip().equals("masked")));
			}
			return new LicenceType(code.strip(), name.strip(), definingAuthority.strip(), numberPrefix.strip(), holderKind, years,
					lines(items), parsed, lines(sealTypes));
		}

		private static List<String> lines(String s) {
			return s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		}
	}

	@GetMapping("/console/licence-types")
	String list(Model model) {
		model.addAttribute("types", licences.types());
		return "licence/console-types";
	}

	@GetMapping("/console/licence-types/new")
	String newType(Model model) {
		model.addAttribute("form", new TypeForm("", "", "", "", "CITIZEN", "", "", "", "持证人 | form: | HOLDER_NAME\n公民身份号码 | form: | HOLDER_CODE | masked\n"
				+ "证照编号 | number | NUMBER\n颁发机构 | issuer | ISSUER\n颁发日期 | issuedOn | ISSUED_ON\n"));
		model.addAttribute("isNew", true);
		return "licence/console-type";
	}

	@GetMapping("/console/licence-types/{code}")
	String edit(@PathVariable String code, Model model) {
		LicenceType t = licences.types().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> DomainException.notFound("licence-type"));
		model.addAttribute("form", TypeForm.of(t));
		model.addAttribute("isNew", false);
		return "licence/console-type";
	}

	@PostMapping("/console/licence-types")
	String save(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String definingAuthority, @RequestParam(defaultValue = "") String numberPrefix,
			@RequestParam(defaultValue = "CITIZEN") String holderKind, @RequestParam(defaultValue = "") String validityYears,
			@RequestParam(defaultValue = "") String items, @RequestParam(defaultValue = "") String sealTypes,
			@RequestParam(defaultValue = "") String fields, @RequestParam(defaultValue = "false") boolean isNew, Model model,
			RedirectAttributes redirect) {
		TypeForm form = new TypeForm(code, name, definingAuthority, numberPrefix, holderKind, validityYears, items, sealTypes, fields);
		List<String> problems = new ArrayList<>();
		LicenceType t = form.type(problems);
		if (isNew && licences.types().stream().anyMatch(x -> x.code().equals(t.code()))) {
			problems.add("licence.type.error.taken");
		}
		if (numberPrefix.isBlank() || !numberPrefix.strip().matches("[A-Z]{1,4}")) {
			problems.add("licence.type.error.prefix");
		}
		if (problems.isEmpty()) {
			problems.addAll(licences.saveType(t));
		}
		if (!problems.isEmpty()) {
			model.addAttribute("form", form);
			model.addAttribute("isNew", isNew);
			model.addAttribute("problems", problems);
			return "licence/console-type";
		}
		redirect.addFlashAttribute("banner", "licence.type.saved");
		return "redirect:/console/licence-types/" + t.code();
	}
}
