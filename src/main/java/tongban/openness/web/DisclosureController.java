package tongban.openness.web;

import java.util.List;

import org.springframework.http.HttpStatus;
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

import jakarta.servlet.http.HttpServletResponse;

import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.web.CurrentActor;
import tongban.openness.Disclosure;
import tongban.openness.DisclosureRequests;
import tongban.openness.DisclosureView;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 依申请公开 for the applicant: the application form, 我的申请 and each request's page, where the applicant answers a 补正
 * and downloads the sealed notices and the information provided. Someone else's request is "not found".
 */
@Controller
class DisclosureController {

	private final DisclosureRequests requests;
	private final DirectoryManagement directory;

	DisclosureController(DisclosureRequests requests, DirectoryManagement directory) {
		this.requests = requests;
		this.directory = directory;
	}

	@GetMapping("/disclosure")
	String mine(@CurrentActor(missing = "disclosure") Actor actor, Model model) {
		model.addAttribute("requests", requests.mine(actor));
		return "openness/disclosure/mine";
	}

	@GetMapping("/disclosure/new")
	String form(@CurrentActor(missing = "disclosure") Actor actor, @RequestParam(required = false) String department, Model model) {
		DisclosureForm form = DisclosureForm.empty();
		model.addAttribute("form", department == null ? form
				: new DisclosureForm(department, form.description(), form.form(), form.delivery(), form.purpose(), form.applicant()));
		return formPage(actor, model);
	}

	@PostMapping("/disclosure/new")
	String apply(@CurrentActor(missing = "disclosure") Actor actor, @ModelAttribute("form") DisclosureForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		if (!actor.covers(DisclosureRequests.SCOPE)) {
			throw DomainException.notFound("disclosure");
		}
		List<FieldProblem> problems = requests.check(actor, form.command());
		for (FieldProblem p : problems) {
			errors.rejectValue(p.field(), p.code(), p.argArray(), p.code());
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return formPage(actor, model);
		}
		DisclosureView filed = requests.apply(actor, form.command());
		return "redirect:/disclosure/" + filed.number() + "?filed";
	}

	private String formPage(Actor actor, Model model) {
		model.addAttribute("departments", directory.departments());
		model.addAttribute("forms", Disclosure.Form.values());
		model.addAttribute("organisation", actor.party().kind() == Party.Kind.LEGAL_PERSON);
		model.addAttribute("applicants", List.of(Disclosure.Applicant.values()).stream().filter(Disclosure.Applicant::organisation).toList());
		model.addAttribute("party", actor.party());
		return "openness/disclosure/new";
	}

	@GetMapping("/disclosure/{number}")
	String request(@CurrentActor(missing = "disclosure") Actor actor, @PathVariable String number, @RequestParam(required = false) String filed,
			Model model) {
		model.addAttribute("request", requests.find(actor, number).orElseThrow(() -> DomainException.notFound("disclosure")));
		model.addAttribute("filed", filed != null);
		return "openness/disclosure/request";
	}

	@PostMapping("/disclosure/{number}/supplement")
	String answerSupplement(@CurrentActor(missing = "disclosure") Actor actor, @PathVariable String number, @RequestParam(defaultValue = "") String answer,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		DisclosureView request = requests.find(actor, number).orElseThrow(() -> DomainException.notFound("disclosure"));
		try {
			requests.answerSupplement(actor, number, answer);
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			model.addAttribute("request", request);
			model.addAttribute("filed", false);
			model.addAttribute("problem", DisclosureFiles.problem("answer", e));
			model.addAttribute("answer", answer);
			return "openness/disclosure/request";
		}
		redirect.addFlashAttribute("banner", "openness.disclosure.supplementAnswered");
		return "redirect:/disclosure/" + number;
	}

	@GetMapping("/disclosure/{number}/files/{fileId}")
	ResponseEntity<byte[]> file(@CurrentActor(missing = "disclosure") Actor actor, @PathVariable String number, @PathVariable long fileId) {
		return DisclosureFiles.download(requests.download(actor, number, fileId).orElseThrow(() -> DomainException.notFound("file")));
	}
}
