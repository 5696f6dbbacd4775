package tongban.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.feedback.CaseRatings;
import tongban.feedback.Channel;
import tongban.feedback.InvalidFeedback;
import tongban.feedback.RatingInput;
import tongban.feedback.internal.FeedbackProperties;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 一事一评 for the applicant (or the company's agent): the rating page of one's own concluded case, linked from the case
 * page and from the invitation. Another party's case is a 404; a refused rating shows the error summary and keeps the
 * input.
 */
@Controller
class CaseRatingController {

	private final CaseRatings ratings;
	private final FeedbackProperties properties;

	CaseRatingController(CaseRatings ratings, FeedbackProperties properties) {
		this.ratings = ratings;
		this.properties = properties;
	}

	@GetMapping("/cases/{id}/rating")
	String page(@PathVariable UUID id, @CurrentActor(missing = "case") Actor actor, Model model) {
		return show(actor, id, Forms.RatingForm.empty(), null, model);
	}

	private String show(Actor actor, UUID id, Forms.RatingForm form, Map<String, String> errors, Model model) {
		model.addAttribute("r", ratings.caseRating(actor, id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channel", Channel.ONLINE);
		model.addAttribute("days", properties.defaultAfterDays());
		model.addAttribute("badTags", RatingInput.BAD_TAGS);
		model.addAttribute("goodTags", RatingInput.GOOD_TAGS);
		return "feedback/case-rating";
	}

	@PostMapping("/cases/{id}/rating")
	String rate(@PathVariable UUID id, @RequestParam Map<String, String> params, @RequestParam(required = false) List<String> tags,
			@CurrentActor(missing = "case") Actor actor, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Forms.RatingForm form = Forms.RatingForm.of(Channel.ONLINE, params, tags);
		try {
			ratings.rateCase(actor, id, form.input());
		}
		catch (InvalidFeedback e) {
			response.setStatus(422);
			return show(actor, id, form, e.problems(), model);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.CONFLICT) {
				throw e;
			}
			response.setStatus(409);
			return show(actor, id, form, Map.of("level", "error." + e.code()), model);
		}
		redirect.addFlashAttribute("banner", "feedback.rated");
		return "redirect:/cases/" + id + "/rating";
	}
}
