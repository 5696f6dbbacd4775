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
	String submit(@ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model, HttpSession session) {
		registration.validate(form, errors);
		if (errors.hasErrors()) {
			return "identity/register";
		}
		session.setAttribute(SessionKeys.PENDING_REGISTRATION, registration.start(form));
		return "redirect:/register/verify";
	}

	@GetMapping("/register/verify")
	String verifyForm(HttpSession session, Model model) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending p)) {
			return "redirect:/register";
		}
		model.addAttribute("maskedMobile", Masking.mobile(p.mobile()));
		return "identity/register-verify";
	}

	@PostMapping("/register/verify")
	String verify(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!(session.getAttribute(SessionKeys.PENDING_REGISTRATION) instanceof CitizenRegistration.Pending p)) {
			return "redirect:/register";
		}
		CitizenRegistration.CodeCheck check = registration.check(p, code);
		if (check != CitizenRegistration.CodeCheck.OK) {
			session.setAttribute(SessionKeys.PENDING_REGISTRATION, p.withAttempt());
			if (check == CitizenRegistration.CodeCheck.TOO_MANY || check == CitizenRegistration.CodeCheck.EXPIRED) {
				session.removeAttribute(SessionKeys.PENDING_REGISTRATION);
			}
			model.addAttribute("maskedMobile", Masking.mobile(p.mobile()));
			model.addAttribute("codeError", "register.code.error." + check.name());
			model.addAttribute("restart", check != CitizenRegistration.CodeCheck.WRONG);
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
		redirect.addFlashAttribute("banner", "register.done");
		return "redirect:/account";
	}
}
