package tongban.hall.kiosk.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.CaseId;
import tongban.casework.Submission;
import tongban.hall.kiosk.Kiosk;
import tongban.hall.kiosk.KioskApplications;
import tongban.hall.kiosk.KioskItems;
import tongban.hall.kiosk.KioskPerson;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Masking;

/**
 * 自助办理 at the kiosk: the self-service items of its point, and one item's form in big fields, saved and submitted
 * through casework in one step, ending on the case number. Signing in by ID card comes first.
 */
@Controller
class KioskApplyController {

	private final KioskPage page;
	private final KioskItems items;
	private final KioskApplications applications;
	private final MessageSource messages;

	KioskApplyController(KioskPage page, KioskItems items, KioskApplications applications, MessageSource messages) {
		this.page = page;
		this.items = items;
		this.applications = applications;
		this.messages = messages;
	}

	@GetMapping("/kiosk/items")
	String items(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Kiosk> kiosk = page.open(request, response, model);
		if (kiosk.isEmpty()) {
			return KioskPage.REFUSED;
		}
		model.addAttribute("items", items.atPoint(kiosk.get().pointId()));
		return "hall/kiosk/items";
	}

	@PostMapping("/kiosk/items/{code}/start")
	String start(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Kiosk> kiosk = page.open(request, response, model);
		if (kiosk.isEmpty()) {
			return KioskPage.REFUSED;
		}
		KioskPerson person = KioskPage.person(model);
		if (person == null || !person.hasAccount()) {
			return "redirect:/kiosk/card";
		}
		CaseId caseId = applications.start(kiosk.get(), person, code);
		return "redirect:/kiosk/apply/" + caseId.value();
	}

	@GetMapping("/kiosk/apply/{caseId}")
	String form(@PathVariable String caseId, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (page.open(request, response, model).isEmpty()) {
			return KioskPage.REFUSED;
		}
		KioskPerson person = KioskPage.person(model);
		if (person == null) {
			return "redirect:/kiosk";
		}
		KioskApplications.Draft draft = applications.draft(person, id(caseId));
		return show(draft, stringValues(draft.draft().values()), Map.of(), model);
	}

	@PostMapping("/kiosk/apply/{caseId}")
	String submit(@PathVariable String caseId, @RequestParam Map<String, String> posted, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
		if (page.open(request, response, model).isEmpty()) {
			return KioskPage.REFUSED;
		}
		KioskPerson person = KioskPage.person(model);
		if (person == null) {
			return "redirect:/kiosk";
		}
		Submission submission = applications.submit(person, id(caseId), posted);
		if (submission.problems().isEmpty()) {
			redirect.addFlashAttribute("caseNumber", submission.caseNumber());
			redirect.addFlashAttribute("promisedDate", submission.promisedDate());
			return "redirect:/kiosk/applied";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : submission.problems()) {
			errors.putIfAbsent(problem.field(), messages.getMessage(problem.code(), problem.argArray(), problem.code(), locale));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return show(applications.draft(person, id(caseId)), posted, errors, model);
	}

	@GetMapping("/kiosk/applied")
	String applied(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (page.open(request, response, model).isEmpty()) {
			return KioskPage.REFUSED;
		}
		return model.getAttribute("caseNumber") == null ? "redirect:/kiosk" : "hall/kiosk/applied";
	}

	private String show(KioskApplications.Draft draft, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		// the applicant's own details as the account gives them: the ID number and phone only masked
		Map<String, String> own = new LinkedHashMap<>();
		draft.guide().applicationForm().fields().stream().filter(f -> f.applicant() != null).forEach(f -> {
			Object value = draft.draft().values().get(f.key());
			String text = value == null ? "" : value.toString();
			own.put(f.label(), switch (f.applicant()) {
				case ID_NUMBER -> Masking.idNumber(text);
				case PHONE -> Masking.mobile(text);
				case NAME -> text;
			});
		});
		model.addAttribute("own", own);
		return "hall/kiosk/apply";
	}

	private static Map<String, String> stringValues(Map<String, Object> values) {
		Map<String, String> text = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (value instanceof String || value instanceof Number) {
				text.put(key, value.toString());
			}
		});
		return text;
	}

	private static UUID id(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("case");
		}
	}
}
