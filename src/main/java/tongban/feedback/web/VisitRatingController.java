package tongban.feedback.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.feedback.Channel;
import tongban.feedback.Clerk;
import tongban.feedback.InvalidFeedback;
import tongban.feedback.RatingInput;
import tongban.feedback.Visit;
import tongban.feedback.VisitRatings;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.QrCode;

/**
 * 一次一评 at the counter: the clerk opens a visit at their window and shows its QR code; whoever scans it rates the visit
 * once, without an account (the token in the address is the only key: 256 random bits, valid for a day).
 */
@Controller
class VisitRatingController {

	private final VisitRatings visits;
	private final DirectoryManagement directory;
	private final String baseUrl;

	VisitRatingController(VisitRatings visits, DirectoryManagement directory,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.visits = visits;
		this.directory = directory;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	private Clerk clerk(StaffMember s) {
		String region = s.departmentCode() == null ? null
				: directory.departmentByCode(s.departmentCode()).map(d -> d.regionCode()).orElse(null);
		if (region == null) {
			throw DomainException.notFound("department");
		}
		return new Clerk(s.id(), s.name(), s.departmentCode(), region);
	}

	// ---- the clerk's side

	@GetMapping("/workbench/counter/rating")
	String counter(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("windows", directory.windows());
		model.addAttribute("visits", visits.visitsOfClerk(clerk(staff), 10));
		return "feedback/counter";
	}

	@PostMapping("/workbench/counter/rating")
	String open(@RequestParam(required = false) UUID window, @CurrentStaff StaffMember staff, Model model, HttpServletResponse response) {
		Clerk clerk = clerk(staff);
		if (window == null) {
			response.setStatus(422);
			model.addAttribute("errors", Map.of("window", "feedback.error.window"));
			return counter(staff, model);
		}
		try {
			return "redirect:/workbench/counter/rating/" + visits.openVisit(clerk, window).id();
		}
		catch (InvalidFeedback e) {
			response.setStatus(422);
			model.addAttribute("errors", e.problems());
			return counter(staff, model);
		}
	}

	@GetMapping("/workbench/counter/rating/{id}")
	String visit(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		Visit v = visits.visitOfClerk(clerk(staff), id).orElseThrow(() -> DomainException.notFound("visit"));
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
		Visit v = visits.visit(token).orElseThrow(() -> DomainException.notFound("visit"));
		model.addAttribute("visit", v);
		model.addAttribute("token", token);
		model.addAttribute("expired", v.expired(Instant.now()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channel", Channel.COUNTER);
		model.addAttribute("badTags", RatingInput.BAD_TAGS);
		model.addAttribute("goodTags", RatingInput.GOOD_TAGS);
		return "feedback/visit-rating";
	}

	@PostMapping("/rate/{token}")
	String rate(@PathVariable String token, @RequestParam Map<String, String> params, @RequestParam(required = false) List<String> tags,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Forms.RatingForm form = Forms.RatingForm.of(Channel.COUNTER, params, tags);
		try {
			visits.rateVisit(token, form.input());
		}
		catch (InvalidFeedback e) {
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
