package tongban.privacy.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.hotline.Submitted;
import tongban.identity.Actor;
import tongban.identity.PrivacyNotices;
import tongban.identity.web.CurrentActor;
import tongban.privacy.internal.Complaints;
import tongban.shared.FieldProblem;

/**
 * 个人信息投诉: the person describes what they object to; it becomes a 12345 ticket ({@link Complaints}) whose number
 * the next page shows. A text with control characters (a NUL) is refused beside the field, also when the edge's input
 * guard caught it first ({@link ComplaintRefusedInput} hands the request here).
 */
@Controller
class ComplaintController {

	static final String PATH = "/account/privacy/complaint";
	private static final String PAGE = "privacy/complaint";

	private final Complaints complaints;
	private final PrivacyNotices notices;

	ComplaintController(Complaints complaints, PrivacyNotices notices) {
		this.complaints = complaints;
		this.notices = notices;
	}

	@GetMapping(PATH)
	String form(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, Model model) {
		return show("", Map.of(), model);
	}

	@PostMapping(PATH)
	String file(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, @RequestParam(defaultValue = "") String text, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!text.codePoints().allMatch(ComplaintController::allowed)) {
			errors.put("text", "privacy.complaint.error.control");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(printable(text), errors, model);
		}
		if (text.isBlank()) {
			errors.put("text", "privacy.complaint.error.empty");
			return show(text, errors, model);
		}
		Submitted submitted = complaints.file(actor.accountId(), text.strip());
		if (!submitted.ok()) {
			for (FieldProblem problem : submitted.problems()) {
				errors.putIfAbsent("description".equals(problem.field()) ? "text" : "global", problem.code());
			}
			return show(text, errors, model);
		}
		redirect.addFlashAttribute("number", submitted.number());
		return "redirect:" + PATH + "/filed";
	}

	@GetMapping(PATH + "/filed")
	String filed(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, Model model) {
		if (!model.containsAttribute("number")) {
			return "redirect:" + PATH;
		}
		return "privacy/complaint-filed";
	}

	private String show(String text, Map<String, String> errors, Model model) {
		model.addAttribute("text", text);
		model.addAttribute("errors", errors);
		model.addAttribute("max", Complaints.MAX);
		model.addAttribute("officer", notices.officer());
		return PAGE;
	}

	/** Text a person types: anything but a control character other than tab, line feed and carriage return. */
	static boolean allowed(int codePoint) {
		return codePoint == '\t' || codePoint == '\n' || codePoint == '\r' || !Character.isISOControl(codePoint);
	}

	/** The text shown back without its control characters, so the person can correct it. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().filter(ComplaintController::allowed).forEach(out::appendCodePoint);
		return out.toString();
	}
}
