package tongban.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.feedback.FeedbackManagement;
import tongban.feedback.FeedbackManagement.Channel;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;

/**
 * 一事一评 for the applicant (or the company's agent): the rating page of one's own concluded case, linked from the case
 * page and from the invitation. Another party's case is a 404; a refused rating shows the error summary and keeps the
 * input.
 */
@Controller
class CaseRatingController {

	private final FeedbackManagement feedback;
	private final IdentityManagement identity;

	CaseRatingController(FeedbackManagement feedback, IdentityManagement identity) {
		this.feedback = feedback;
		this.identity = identity;
	}

	private Actor actor(Authentication auth, HttpServletRequest request) {
		return identity.citizenActor(auth, request).orElseThrow(() -> DomainException.notFound("case"));
	}

	@GetMapping("/cases/{id}/rating")
	String page(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model) {
		return show(actor(auth, request), id, Forms.RatingForm.empty(), null, model);
	}

	private String show(Actor a, UUID id, Forms.RatingForm form, Map<String, String> errors, Model model) {
		model.addAttribute("r", feedback.caseRating(a, id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channel", Channel.ONLINE);
		model.addAttribute("days", feedback.properties().defaultAfterDays());
		model.addAttribute("badTags", FeedbackManagement.BAD_TAGS);
		model.addAttribute("goodTags", FeedbackManagement.GOOD_TAGS);
		return "feedback/case-rating";
	}

	@PostMapping("/cases/{id}/rating")
	String rate(@PathVariable UUID id, @RequestParam Map<String, String> params, @RequestParam(required = false) List<String> tags,
			Authentication auth, HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Actor a = actor(auth, request);
		Forms.RatingForm form = Forms.RatingForm.of(Channel.ONLINE, params, tags);
		try {
			feedback.rateCase(a, id, form.input());
		}
		catch (FeedbackManagement.Invalid e) {
			response.setStatus(422);
			return show(a, id, form, e.problems(), model);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			response.setStatus(409);
			return show(a, id, form, Map.of("level", "error." + e.code()), model);
		}
		redirect.addFlashAttribute("banner", "feedback.rated");
		return "redirect:/cases/" + id + "/rating";
	}
}
