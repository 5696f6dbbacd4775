package tongban.openness.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationComment;
import tongban.openness.domain.ConsultationPhase;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationStatus;
import tongban.openness.internal.ConsultationComments;
import tongban.openness.internal.ConsultationComments.Commented;
import tongban.openness.internal.ConsultationComments.NewComment;
import tongban.openness.internal.ConsultationInterviews;
import tongban.openness.internal.ConsultationRules;
import tongban.shared.AttemptLimits;
import tongban.shared.Clocks;
import tongban.shared.FieldProblem;
import tongban.shared.Masking;

/**
 * The public 征求意见 pages: the consultations open now, upcoming and closed; one consultation's whole life (period,
 * draft, questions, published comments and their count, and after closing the 意见采纳情况); comments signed in or
 * with the phone confirmed by an SMS code.
 */
@Controller
class ConsultationController {

	/** At most five SMS codes in ten minutes from one network address (the form cannot text many numbers). */
	static final AttemptLimits.Limit CODES = new AttemptLimits.Limit("openness-consult-code-address", 5, Duration.ofMinutes(10));

	private final ConsultationRepository consultations;
	private final ConsultationComments comments;
	private final ConsultationPages pages;
	private final AttemptLimits limits;
	private final ConsultationInterviews interviews;

	ConsultationController(ConsultationRepository consultations, ConsultationComments comments, ConsultationPages pages,
			AttemptLimits limits, ConsultationInterviews interviews) {
		this.interviews = interviews;
		this.consultations = consultations;
		this.comments = comments;
		this.pages = pages;
		this.limits = limits;
	}

	/** One line of the public lists. */
	public record Card(Consultation consultation, String departmentName, String startsOn, String endsOn, long published) {
	}

	@GetMapping("/consultations")
	String index(Model model) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<Consultation> all = consultations.published();
		model.addAttribute("open", cards(all, today, ConsultationPhase.OPEN));
		model.addAttribute("upcoming", cards(all, today, ConsultationPhase.UPCOMING));
		model.addAttribute("closed", cards(all, today, ConsultationPhase.CLOSED));
		model.addAttribute("interviews", interviews.all());
		return "openness/consultations/index";
	}

	private List<Card> cards(List<Consultation> all, LocalDate today, ConsultationPhase phase) {
		return all.stream()
			.filter(c -> (c.status() == ConsultationStatus.REPORTED ? ConsultationPhase.CLOSED : c.phase(today)) == phase)
			.map(c -> new Card(c, pages.departmentName(c.departmentCode()), ConsultationRules.chineseDate(c.startsOn()),
					ConsultationRules.chineseDate(c.endsOn()),
					consultations.counts(c.id()).get(CommentStatus.PUBLISHED)))
			.toList();
	}

	@GetMapping("/consultations/{id}")
	String show(@PathVariable UUID id, @CurrentActor Optional<Actor> citizen, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CommentForm.empty());
		}
		return page(id, citizen, model);
	}

	private String page(UUID id, Optional<Actor> citizen, Model model) {
		Consultation c = comments.publicConsultation(id);
		pages.describe(c, model);
		model.addAttribute("citizen", citizen.orElse(null));
		model.addAttribute("mine", citizen.map(a -> consultations.commentsOf(id, a.accountId())).orElse(List.of()));
		return "openness/consultations/show";
	}

	@PostMapping("/consultations/{id}/comments")
	String comment(@PathVariable UUID id, @ModelAttribute("form") CommentForm form, BindingResult errors,
			@RequestParam(defaultValue = "submit") String action, @CurrentActor Optional<Actor> citizen, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		comments.publicConsultation(id);
		if ("code".equals(action) && citizen.isEmpty()) {
			String address = request.getRemoteAddr();
			if (limits.blocked(CODES, address)) {
				errors.rejectValue("phone", "hotline.error.code.address");
				return page(id, citizen, model);
			}
			Optional<FieldProblem> problem = comments.sendCode(id, form.phone());
			if (problem.isPresent()) {
				ConsultationPages.reject(List.of(problem.get()), errors);
			}
			else {
				limits.count(CODES, address);
				model.addAttribute("codeSentTo", Masking.mobile(form.phone().strip()));
			}
			return page(id, citizen, model);
		}
		Commented result = comments.comment(id, new NewComment(form.questionId(), form.body(), form.phone(), form.phoneCode()),
				citizen.map(Actor::accountId).orElse(null));
		if (!result.ok()) {
			ConsultationPages.reject(result.problems(), errors);
			return page(id, citizen, model);
		}
		redirect.addFlashAttribute("commentId", result.id());
		return "redirect:/consultations/" + id + "/commented";
	}

	/** The confirmation: the comment as sent, pending moderation. */
	@GetMapping("/consultations/{id}/commented")
	String commented(@PathVariable UUID id, Model model) {
		Consultation c = comments.publicConsultation(id);
		Object commentId = model.getAttribute("commentId");
		Optional<ConsultationComment> comment = commentId instanceof UUID uuid ? consultations.comment(uuid) : Optional.empty();
		if (comment.isEmpty() || !comment.get().consultationId().equals(id)) {
			return "redirect:/consultations/" + id;
		}
		model.addAttribute("consultation", c);
		model.addAttribute("comment", comment.get());
		model.addAttribute("question", consultations.questions(id).stream().filter(q -> q.id() == comment.get().questionId()).findFirst().orElse(null));
		return "openness/consultations/commented";
	}

	@GetMapping("/consultations/{id}/file")
	ResponseEntity<InputStreamResource> file(@PathVariable UUID id) {
		return pages.download(comments.publicConsultation(id));
	}
}
