package tongban.openness.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.hotline.Submitted;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.web.CurrentActor;
import tongban.openness.internal.MailboxLetters;
import tongban.openness.internal.MailboxLetters.Letter;
import tongban.openness.internal.MailboxLetters.Mailbox;
import tongban.openness.internal.MailboxLetters.Writer;
import tongban.shared.AttemptLimits;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Masking;

/**
 * The public 领导信箱 pages: the heads one can write to, and each mailbox's write form (signed in, or with the phone
 * confirmed by an SMS code) with the letters published there and their answers. A letter becomes a 12345 ticket of the
 * mailbox channel, dispatched to the department; its number is followed at /hotline/follow.
 */
@Controller
class MailboxController {

	/** At most five SMS codes in ten minutes from one network address. */
	static final AttemptLimits.Limit CODES = new AttemptLimits.Limit("openness-mailbox-code-address", 5, Duration.ofMinutes(10));

	private final MailboxLetters letters;
	private final IdentityManagement identity;
	private final AttemptLimits limits;

	MailboxController(MailboxLetters letters, IdentityManagement identity, AttemptLimits limits) {
		this.letters = letters;
		this.identity = identity;
		this.limits = limits;
	}

	@GetMapping("/mailbox")
	String index(Model model) {
		model.addAttribute("mailboxes", letters.mailboxes());
		return "openness/mailbox/index";
	}

	private Mailbox mailbox(String department) {
		return letters.mailbox(department).orElseThrow(() -> DomainException.notFound("mailbox"));
	}

	@GetMapping("/mailbox/{department}")
	String show(@PathVariable String department, @CurrentActor Optional<Actor> citizen, Model model) {
		model.addAttribute("form", LetterForm.empty());
		return page(mailbox(department), citizen, model);
	}

	private String page(Mailbox mailbox, Optional<Actor> citizen, Model model) {
		model.addAttribute("mailbox", mailbox);
		model.addAttribute("types", MailboxLetters.TYPES);
		model.addAttribute("citizen", citizen.orElse(null));
		model.addAttribute("letters", letters.published(mailbox));
		return "openness/mailbox/show";
	}

	@PostMapping("/mailbox/{department}")
	String write(@PathVariable String department, @ModelAttribute("form") LetterForm form, BindingResult errors,
			@RequestParam(defaultValue = "submit") String action, @CurrentActor Optional<Actor> citizen, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		Mailbox mailbox = mailbox(department);
		if ("code".equals(action) && citizen.isEmpty()) {
			String address = request.getRemoteAddr();
			if (limits.blocked(CODES, address)) {
				errors.rejectValue("phone", "hotline.error.code.address");
				return page(mailbox, citizen, model);
			}
			Optional<FieldProblem> problem = letters.sendCode(form.phone());
			if (problem.isPresent()) {
				ConsultationPages.reject(List.of(problem.get()), errors);
			}
			else {
				limits.count(CODES, address);
				model.addAttribute("codeSentTo", Masking.mobile(form.phone().strip()));
			}
			return page(mailbox, citizen, model);
		}
		Optional<Writer> writer = citizen.map(a -> new Writer(a.accountId(), a.accountName(),
				identity.contact(a.accountId()).map(IdentityManagement.Contact::mobile).orElse("")));
		Submitted submitted = letters.write(mailbox, new Letter(form.type(), form.description(), form.contactName(), form.phone(),
				form.phoneCode(), "true".equals(form.publishConsent())), writer);
		if (!submitted.ok()) {
			ConsultationPages.reject(submitted.problems(), errors);
			return page(mailbox, citizen, model);
		}
		redirect.addFlashAttribute("number", submitted.number());
		redirect.addFlashAttribute("mailboxName", mailbox.departmentName());
		return "redirect:/mailbox/" + mailbox.departmentCode() + "/sent";
	}

	@GetMapping("/mailbox/{department}/sent")
	String sent(@PathVariable String department, Model model) {
		Mailbox mailbox = mailbox(department);
		if (!model.containsAttribute("number")) {
			return "redirect:/mailbox/" + mailbox.departmentCode();
		}
		model.addAttribute("mailbox", mailbox);
		return "openness/mailbox/sent";
	}
}
