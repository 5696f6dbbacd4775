package tongban.identity.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends every session of an account at once (after a password reset), whichever node or session store holds them:
 * each session remembers when it was signed in ({@link #stamp}); the account remembers from when sessions count
 * ({@code identity_account.sessions_valid_after}); a request of a session signed in before that is signed out. A
 * session without a stamp counts from its creation.
 */
@Component
public class SignedInSessions {

	private final JdbcClient jdbc;

	SignedInSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Notes in the session that it was signed in now. */
	public static void stamp(HttpSession session) {
		session.setAttribute(SessionKeys.SIGNED_IN_AT, Instant.now());
	}

	/** Sessions of the account signed in before {@code from} end at their next request. */
	public void endAll(UUID accountId, Instant from) {
		jdbc.sql("update identity_account set sessions_valid_after = ? where id = ?")
			.params(from.atOffset(ZoneOffset.UTC), accountId)
			.update();
	}

	/**
	 * The filter for the web pages' security chain, placed after the session's security context is loaded and before
	 * access is decided, so an ended session is treated as signed out. Not a bean: a filter bean would also run
	 * outside the chain.
	 */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
						&& ended(session, auth.getName())) {
					session.invalidate();
					SecurityContextHolder.clearContext();
				}
				chain.doFilter(request, response);
			}
		};
	}

	private boolean ended(HttpSession session, String principal) {
		UUID accountId;
		try {
			accountId = UUID.fromString(principal);
		}
		catch (IllegalArgumentException notAnAccount) {
			return false;
		}
		Optional<OffsetDateTime> validAfter = jdbc.sql("select sessions_valid_after from identity_account where id = ?")
			.param(accountId)
			.query(OffsetDateTime.class)
			.optional();
		if (validAfter.isEmpty()) {
			return false;
		}
		Instant signedIn = session.getAttribute(SessionKeys.SIGNED_IN_AT) instanceof Instant at ? at
				: Instant.ofEpochMilli(session.getCreationTime());
		return signedIn.isBefore(validAfter.get().toInstant());
	}
}
