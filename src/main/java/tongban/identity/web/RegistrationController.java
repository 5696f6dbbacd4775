package tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Party;
import tongban.identity.domain.Account;
import tongban.identity.internal.AccountAuthenticationProvider;
import tongban.identity.internal.CitizenRegistration;
import tongban.identity.internal.SessionKeys;
import tongban.identity.internal.SignedInSessions;
import tongban.identity.internal.SmsChallenge;
import tongban.shared.Masking;

@Controller
class RegistrationController {

	private final CitizenRegistration registration;
	private final SecurityContextRepository contexts;

	RegistrationController(CitizenRegistration registration, SecurityContextRepository contexts) {
		this.registration = registration;
		this.contexts = contexts;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return "identity/register";
	}

	@PostMapping("/register")
	String submit(@ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model, HttpSession session,
			HttpServletRequest request) {
		registration.validate(form, errors);
		if (errors.hasErrors()) {
			return "identity/register";
		}
		CitizenRegistration.Started started = registration.start(form, request.getRemoteAddr());
		if (started.refusal() != null) {
			errors.rejectValue("mobile", started.refusal().messageKey(), new Object[] { started.refusal().untilText() }, null);
			return "identity/register";
		}
		session.setAttribute(SessionKeys.PENDING_REGISTRATION, started.pending());
		return "redirect:/register/verify";
	}

	@GetMapping("/register/verify")
	String verifyForm(HttpSession session, Model model) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending p)) {
			return "redirect:/register";
		}
		verifyModel(p, model);
		return "identity/register-verify";
	}

	/** Another code to the same number, once the page's stated time has come (and within the limits). */
	@PostMapping("/register/resend")
	String resend(HttpSession session, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending p)) {
			return "redirect:/register";
		}
		CitizenRegistration.Started again = registration.resend(p, p.mobile(), request.getRemoteAddr());
		if (again.refusal() != null) {
			verifyModel(p, model);
			model.addAttribute("resendError", again.refusal().messageKey());
			model.addAttribute("resendUntil", again.refusal().untilText());
			return "identity/register-verify";
		}
		session.setAttribute(SessionKeys.PENDING_REGISTRATION, again.pending());
		redirect.addFlashAttribute("banner", "register.verify.resent");
		return "redirect:/register/verify";
	}

	/** 更换手机号: the code goes to another number; name, ID number and password stay as entered. */
	@GetMapping("/register/mobile")
	String mobileForm(HttpSession session, Model model) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending)) {
			return "redirect:/register";
		}
		model.addAttribute("form", new MobileForm(""));
		return "identity/register-mobile";
	}

	@PostMapping("/register/mobile")
	String changeMobile(@ModelAttribute("form") MobileForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending p)) {
			return "redirect:/register";
		}
		registration.validateMobile(form.mobile(), errors);
		if (errors.hasErrors()) {
			return "identity/register-mobile";
		}
		CitizenRegistration.Started again = registration.resend(p, form.mobile().strip(), request.getRemoteAddr());
		if (again.refusal() != null) {
			errors.rejectValue("mobile", again.refusal().messageKey(), new Object[] { again.refusal().untilText() }, null);
			return "identity/register-mobile";
		}
		session.setAttribute(SessionKeys.PENDING_REGISTRATION, again.pending());
		redirect.addFlashAttribute("banner", "register.verify.resent");
		return "redirect:/register/verify";
	}

	private static void verifyModel(CitizenRegistration.Pending p, Model model) {
		model.addAttribute("maskedMobile", Masking.mobile(p.mobile()));
		model.addAttribute("resendAt", p.challenge().resendAt());
	}

	@PostMapping("/register/verify")
	String verify(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending p)) {
			return "redirect:/register";
		}
		SmsChallenge.Check check = registration.check(p, code);
		if (check != SmsChallenge.Check.OK) {
			session.setAttribute(SessionKeys.PENDING_REGISTRATION, p.withAttempt());
			if (check == SmsChallenge.Check.TOO_MANY || check == SmsChallenge.Check.EXPIRED) {
				session.removeAttribute(SessionKeys.PENDING_REGISTRATION);
			}
			verifyModel(p, model);
			model.addAttribute("codeError", "register.code.error." + check.name());
			model.addAttribute("restart", check != SmsChallenge.Check.WRONG);
			return "identity/register-verify";
		}
		session.removeAttribute(SessionKeys.PENDING_REGISTRATION);
		Account account = registration.complete(p).orElse(null);
		if (account == null) {
			redirect.addFlashAttribute("bannerError", "register.error.duplicate");
			return "redirect:/register";
		}
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AccountAuthenticationProvider.authenticated(account));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		session.setAttribute(SessionKeys.ACTING_FOR, new Party(Party.Kind.CITIZEN, account.id(), account.displayName()));
		SignedInSessions.stamp(session);
		redirect.addFlashAttribute("banner", "register.done");
		return "redirect:/account";
	}
}
