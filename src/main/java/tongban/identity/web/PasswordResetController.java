package tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.internal.CitizenRegistration;
import tongban.identity.internal.PasswordReset;
import tongban.identity.internal.SessionKeys;
import tongban.identity.internal.SmsChallenge;
import tongban.identity.internal.SmsChallenges;
import tongban.shared.Masking;

/** 忘记密码: the mobile, then the SMS code with the new password (see {@link PasswordReset}). */
@Controller
class PasswordResetController {

	private static final String FORM = "identity/reset";
	private static final String VERIFY = "identity/reset-verify";

	private final PasswordReset reset;

	PasswordResetController(PasswordReset reset) {
		this.reset = reset;
	}

	@GetMapping("/password/reset")
	String form(Model model) {
		model.addAttribute("form", new MobileForm(""));
		return FORM;
	}

	@PostMapping("/password/reset")
	String start(@ModelAttribute("form") MobileForm form, BindingResult errors, HttpSession session, HttpServletRequest request) {
		if (!CitizenRegistration.checkMobile(form.mobile(), errors)) {
			return FORM;
		}
		String mobile = form.mobile().strip();
		SmsChallenges.Sent sent = reset.start(mobile, request.getRemoteAddr());
		if (!sent.ok()) {
			errors.rejectValue("mobile", sent.refusal().messageKey(), new Object[] { sent.refusal().untilText() }, null);
			return FORM;
		}
		session.setAttribute(SessionKeys.PENDING_RESET, sent.challenge());
		return "redirect:/password/reset/verify";
	}

	@GetMapping("/password/reset/verify")
	String verifyForm(HttpSession session, Model model) {
		if (!(session.getAttribute(SessionKeys.PENDING_RESET) instanceof SmsChallenge challenge)) {
			return "redirect:/password/reset";
		}
		model.addAttribute("form", ResetForm.empty());
		verifyModel(challenge, model);
		return VERIFY;
	}

	@PostMapping("/password/reset/resend")
	String resend(HttpSession session, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (!(session.getAttribute(SessionKeys.PENDING_RESET) instanceof SmsChallenge challenge)) {
			return "redirect:/password/reset";
		}
		SmsChallenges.Sent sent = reset.resend(challenge, request.getRemoteAddr());
		if (!sent.ok()) {
			model.addAttribute("form", ResetForm.empty());
			verifyModel(challenge, model);
			model.addAttribute("resendError", sent.refusal().messageKey());
			model.addAttribute("resendUntil", sent.refusal().untilText());
			return VERIFY;
		}
		session.setAttribute(SessionKeys.PENDING_RESET, sent.challenge());
		redirect.addFlashAttribute("banner", "register.verify.resent");
		return "redirect:/password/reset/verify";
	}

	@PostMapping("/password/reset/verify")
	String verify(@ModelAttribute("form") ResetForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (!(session.getAttribute(SessionKeys.PENDING_RESET) instanceof SmsChallenge challenge)) {
			return "redirect:/password/reset";
		}
		SmsChallenge.Check check = reset.check(challenge, form.code());
		if (check != SmsChallenge.Check.OK) {
			errors.rejectValue("code", "reset.code.error." + check.name());
			if (check == SmsChallenge.Check.WRONG) {
				session.setAttribute(SessionKeys.PENDING_RESET, challenge.withAttempt());
			}
			else {
				session.removeAttribute(SessionKeys.PENDING_RESET);
				model.addAttribute("restart", true);
			}
		}
		reset.validate(challenge, form, errors);
		if (errors.hasErrors()) {
			verifyModel(challenge, model);
			return VERIFY;
		}
		session.removeAttribute(SessionKeys.PENDING_RESET);
		reset.complete(challenge, form.password(), request.getRemoteAddr());
		redirect.addFlashAttribute("banner", "reset.done");
		return "redirect:/login";
	}

	private static void verifyModel(SmsChallenge challenge, Model model) {
		model.addAttribute("maskedMobile", Masking.mobile(challenge.mobile()));
		model.addAttribute("resendAt", challenge.resendAt());
	}
}
