package tongban.openness.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentActor;
import tongban.identity.web.CurrentStaff;
import tongban.openness.domain.ConsultationInterview;
import tongban.openness.internal.ConsultationInterviews;
import tongban.openness.internal.ConsultationInterviews.Schedule;
import tongban.openness.internal.ConsultationRules;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 在线访谈: the public page of an interview (questions from signed-in people until it starts, the transcript after it)
 * and the editor's pages to schedule one and publish its transcript.
 */
@Controller
class ConsultationInterviewController {

	private static final String WORKBENCH = "/workbench/consultations/interviews";

	private final ConsultationInterviews interviews;
	private final ConsultationPages pages;

	ConsultationInterviewController(ConsultationInterviews interviews, ConsultationPages pages) {
		this.interviews = interviews;
		this.pages = pages;
	}

	/** The question form: only the text (the asker is signed in). */
	public record QuestionForm(String body) {
	}

	private void describe(ConsultationInterview interview, Model model) {
		model.addAttribute("interview", interview);
		model.addAttribute("departmentName", pages.departmentName(interview.departmentCode()));
		model.addAttribute("started", interview.started(OffsetDateTime.now(Clocks.ZONE)));
		model.addAttribute("questions", interviews.questions(interview.id()));
		model.addAttribute("transcript", ConsultationPages.paragraphs(interview.transcript()));
	}

	@GetMapping("/consultations/interviews/{id}")
	String show(@PathVariable UUID id, @CurrentActor Optional<Actor> citizen, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new QuestionForm(""));
		}
		describe(interviews.require(id), model);
		model.addAttribute("citizen", citizen.orElse(null));
		return "openness/consultations/interview";
	}

	@PostMapping("/consultations/interviews/{id}/questions")
	String ask(@PathVariable UUID id, @ModelAttribute("form") QuestionForm form, BindingResult errors, @CurrentActor Optional<Actor> citizen,
			Model model, RedirectAttributes redirect) {
		ConsultationInterview interview = interviews.require(id);
		if (citizen.isEmpty()) {
			return "redirect:/login";
		}
		Optional<FieldProblem> problem = interviews.ask(id, citizen.get().accountId(), form.body());
		if (problem.isPresent()) {
			ConsultationPages.reject(List.of(problem.get()), errors);
			describe(interview, model);
			model.addAttribute("citizen", citizen.get());
			return "openness/consultations/interview";
		}
		redirect.addFlashAttribute("banner", "openness.consult.interview.asked");
		return "redirect:/consultations/interviews/" + id;
	}

	@GetMapping(WORKBENCH + "/new")
	String newForm(@CurrentStaff StaffMember staff, Model model) {
		ConsultationRules.require(staff, Role.INFO_EDITOR);
		model.addAttribute("form", new Schedule("", "", "", ""));
		return "openness/consultations/interview-form";
	}

	@PostMapping(WORKBENCH + "/new")
	String schedule(@ModelAttribute("form") Schedule form, BindingResult errors, @CurrentStaff StaffMember staff) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID id = interviews.schedule(staff, form, problems);
		if (id == null) {
			ConsultationPages.reject(problems, errors);
			return "openness/consultations/interview-form";
		}
		return "redirect:" + WORKBENCH + "/" + id;
	}

	@GetMapping(WORKBENCH + "/{id}")
	String workbench(@PathVariable UUID id, @CurrentStaff StaffMember staff, Model model) {
		ConsultationInterview interview = interviews.require(id);
		if (!interview.departmentCode().equals(staff.departmentCode())) {
			throw DomainException.notFound("interview");
		}
		describe(interview, model);
		model.addAttribute("editor", staff.has(Role.INFO_EDITOR));
		return "openness/consultations/interview-workbench";
	}

	@PostMapping(WORKBENCH + "/{id}/transcript")
	String transcript(@PathVariable UUID id, @RequestParam(defaultValue = "") String transcript, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		try {
			interviews.publishTranscript(staff, id, transcript);
			redirect.addFlashAttribute("banner", "openness.consult.interview.transcribed");
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
				throw e;
			}
			redirect.addFlashAttribute("bannerError", "openness.consult.refused." + e.code());
		}
		return "redirect:" + WORKBENCH + "/" + id;
	}
}
