package tongban.identity.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.UUID;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.AccountClosedException;
import tongban.identity.internal.AccountLockedException;
import tongban.identity.internal.AddressLockedException;
import tongban.identity.internal.SessionKeys;
import tongban.identity.internal.SignInHandlers;
import tongban.identity.internal.SignInService;
import tongban.identity.internal.Totp;
import tongban.shared.Clocks;

/** The one sign-in page for citizens, agents and staff, and the staff's second step (TOTP). */
@Controller
class LoginController {

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final AccountRepository accounts;
	private final SignInService signIns;
	private final SignInHandlers handlers;

	LoginController(AccountRepository accounts, SignInService signIns, SignInHandlers handlers) {
		this.accounts = accounts;
		this.signIns = signIns;
		this.handlers = handlers;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (session.getAttribute(SessionKeys.MFA_PENDING) != null) {
			return "redirect:/login/totp";
		}
		if (error != null && session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION") instanceof AuthenticationException e) {
			if (e instanceof AccountLockedException locked) {
				model.addAttribute("loginError", e instanceof AddressLockedException ? "login.error.addressLocked" : "login.error.locked");
				model.addAttribute("lockedUntil", UNTIL.format(LocalDateTime.ofInstant(locked.until(), Clocks.ZONE)));
			}
			else if (e instanceof AccountClosedException) {
				model.addAttribute("loginError", "login.error.closed");
			}
			else {
				model.addAttribute("loginError", "login.error.bad");
			}
			session.removeAttribute("SPRING_SECURITY_LAST_EXCEPTION");
		}
		Object typed = session.getAttribute(SessionKeys.LOGIN_TYPED);
		model.addAttribute("typed", typed == null ? "" : typed);
		return "identity/login";
	}

	@GetMapping("/login/totp")
	String totpForm(HttpSession session) {
		return session.getAttribute(SessionKeys.MFA_PENDING) == null ? "redirect:/login" : "identity/login-totp";
	}

	@PostMapping("/login/totp")
	String totp(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model) throws Exception {
		if (!(session.getAttribute(SessionKeys.MFA_PENDING) instanceof UUID accountId)) {
			return "redirect:/login";
		}
		Account account = accounts.findById(accountId).orElseThrow();
		if (account.lockedAt(Instant.now())) {
			session.removeAttribute(SessionKeys.MFA_PENDING);
			model.addAttribute("loginError", "login.error.locked");
			model.addAttribute("lockedUntil", UNTIL.format(LocalDateTime.ofInstant(account.lockedUntil(), Clocks.ZONE)));
			model.addAttribute("typed", "");
			return "identity/login";
		}
		OptionalLong step = Totp.matchingStep(account.totpSecret(), code, Instant.now());
		boolean replayed = step.isPresent() && !signIns.useTotpStep(accountId, step.getAsLong());
		if (step.isEmpty() || replayed) {
			signIns.failure(accountId, SignInService.Outcome.MFA_FAILURE, request.getRemoteAddr());
			model.addAttribute("codeError", code.isBlank() ? "login.totp.error.empty"
					: replayed ? "login.totp.error.used" : "login.totp.error.wrong");
			return "identity/login-totp";
		}
		signIns.success(accountId, request.getRemoteAddr());
		handlers.completeStaff(request, response, account);
		return null;
	}
}
