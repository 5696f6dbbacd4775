package tongban.identity.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import tongban.identity.ConsentLedger;
import tongban.identity.Party;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;

/**
 * After the password: citizens are signed in and act for themselves; staff are not signed in yet but owe a TOTP
 * code, so the security context stays empty and only the session remembers who they are. A citizen who last agreed
 * to an older privacy notice is sent to agree to the new one first ({@link NoticeGate}); staff are not asked.
 */
@Component
public class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final AccountRepository accounts;
	private final SecurityContextRepository contexts;
	private final ConsentLedger consents;
	private final SavedRequestAwareAuthenticationSuccessHandler citizenTarget = new SavedRequestAwareAuthenticationSuccessHandler();
	private final SavedRequestAwareAuthenticationSuccessHandler staffTarget = new SavedRequestAwareAuthenticationSuccessHandler();

	SignInHandlers(AccountRepository accounts, SecurityContextRepository contexts, ConsentLedger consents) {
		this.accounts = accounts;
		this.contexts = contexts;
		this.consents = consents;
		citizenTarget.setDefaultTargetUrl("/account");
		staffTarget.setDefaultTargetUrl("/workbench");
		citizenTarget.setRedirectStrategy(new PathOnlyRedirects());
		staffTarget.setRedirectStrategy(new PathOnlyRedirects());
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		Account account = accounts.findById(UUID.fromString(authentication.getName())).orElseThrow();
		request.getSession().removeAttribute(SessionKeys.LOGIN_TYPED);
		SignedInSessions.stamp(request.getSession());
		if (account.isStaff()) {
			SecurityContext empty = SecurityContextHolder.createEmptyContext();
			SecurityContextHolder.setContext(empty);
			contexts.saveContext(empty, request, response);
			request.getSession().setAttribute(SessionKeys.MFA_PENDING, account.id());
			response.sendRedirect(request.getContextPath() + "/login/totp");
			return;
		}
		request.getSession().setAttribute(SessionKeys.ACTING_FOR,
				new Party(Party.Kind.CITIZEN, account.id(), account.displayName()));
		// a new privacy notice since they last agreed: asked again before anything else (one indexed read, here only)
		Optional<String> outdated = consents.outdatedNotice(account.id());
		if (outdated.isPresent()) {
			request.getSession().setAttribute(SessionKeys.NOTICE_OUTDATED, outdated.get());
			response.sendRedirect(request.getContextPath() + NoticeGate.PAGE);
			return;
		}
		citizenTarget.onAuthenticationSuccess(request, response, authentication);
	}

	/** Completes a staff sign-in once the TOTP code is right. */
	public void completeStaff(HttpServletRequest request, HttpServletResponse response, Account account)
			throws IOException, ServletException {
		request.getSession().removeAttribute(SessionKeys.MFA_PENDING);
		request.changeSessionId();
		SignedInSessions.stamp(request.getSession());
		Authentication full = AccountAuthenticationProvider.authenticated(account);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(full);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		staffTarget.onAuthenticationSuccess(request, response, full);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		request.getSession().setAttribute(SessionKeys.LOGIN_TYPED, request.getParameter("username"));
		request.getSession().setAttribute("SPRING_SECURITY_LAST_EXCEPTION", exception);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}
}
