package tongban.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.feedback.FeedbackManagement;
import tongban.feedback.FeedbackManagement.Channel;
import tongban.shared.DomainException;
import tongban.shared.QrCode;

/**
 * 一次一评 at the counter: the clerk opens a visit at their window and shows its QR code; whoever scans it rates the visit
 * once, without an account (the token in the address is the only key: 256 random bits, valid for a day).
 */
@Controller
class VisitRatingController {

	private final FeedbackManagement feedback;
	private final DirectoryManagement directory;
	private final Forms forms;
	private final String baseUrl;

	VisitRatingController(FeedbackManagement feedback, DirectoryManagement directory, Forms forms,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.feedback = feedback;
		this.directory = directory;
		this.forms = forms;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	private FeedbackManagement.Clerk clerk(Authentication auth) {
		FeedbackManagement.Staff s = forms.staff(auth);
		String region = s.departmentCode() == null ? null
				: directory.departmentByCode(s.departmentCode()).map(d -> d.regionCode()).orElse(null);
		if (region == null) {
			throw DomainException.notFound("department");
		}
		return new FeedbackManagement.Clerk(s.accountId(), s.name(), s.departmentCode(), region);
	}

	// ---- the clerk's side

	@GetMapping("/workbench/counter/rating")
	String counter(Authentication auth, Model model) {
		model.addAttribute("windows", directory.windows());
		model.addAttribute("visits", feedback.visitsOfClerk(clerk(auth), 10));
		return "feedback/counter";
	}

	@PostMapping("/workbench/counter/rating")
	String open(@RequestParam(required = false) UUID window, Authentication auth, Model model, HttpServletResponse response) {
		FeedbackManagement.Clerk clerk = clerk(auth);
		if (window == null) {
			response.setStatus(422);
			model.addAttribute("errors", Map.of("window", "feedback.error.window"));
			return counter(auth, model);
		}
		try {
			return "redirect:/workbench/counter/rating/" + feedback.openVisit(clerk, window).id();
		}
		catch (FeedbackManagement.Invalid e) {
			response.setStatus(422);
			model.addAttribute("errors", e.problems());
			return counter(auth, model);
		}
	}

	@GetMapping("/workbench/counter/rating/{id}")
	String visit(@PathVariable UUID id, Authentication auth, Model model) {
		FeedbackManagement.Visit v = feedback.visitOfClerk(clerk(auth), id).orElseThrow(() -> DomainException.notFound("visit"));
		String url = baseUrl + "/rate/" + v.token();
		model.addAttribute("visit", v);
		model.addAttribute("url", url);
		model.addAttribute("qr", QrCode.svg(url, v.windowLabel()));
		return "feedback/visit";
	}

	// ---- the visitor's side, no account

	@GetMapping("/rate/{token}")
	String page(@PathVariable String token, Model model) {
		return show(token, Forms.RatingForm.empty(), null, model);
	}

	private String show(String token, Forms.RatingForm form, Map<String, String> errors, Model model) {
		FeedbackManagement.Visit v = feedback.visit(token).orElseThrow(() -> DomainException.notFound("visit"));
		model.addAttribute("visit", v);
		model.addAttribute("token", token);
		model.addAttribute("expired", v.expired(java.time.Instant.now()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channel", Channel.COUNTER);
		model.addAttribute("badTags", FeedbackManagement.BAD_TAGS);
		model.addAttribute("goodTags", FeedbackManagement.GOOD_TAGS);
		return "feedback/visit-rating";
	}

	@PostMapping("/rate/{token}")
	String rate(@PathVariable String token, @RequestParam Map<String, String> params, @RequestParam(required = false) List<String> tags,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Forms.RatingForm form = Forms.RatingForm.of(Channel.COUNTER, params, tags);
		try {
			feedback.rateVisit(token, form.input());
		}
		catch (FeedbackManagement.Invalid e) {
			response.setStatus(422);
			return show(token, form, e.problems(), model);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			response.setStatus(409);
			return show(token, form, Map.of("level", "error." + e.code()), model);
		}
		redirect.addFlashAttribute("banner", "feedback.rated");
		return "redirect:/rate/" + token;
	}
}
