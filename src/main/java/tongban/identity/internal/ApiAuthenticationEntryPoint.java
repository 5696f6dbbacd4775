package tongban.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import tongban.shared.web.Problems;

/**
 * 401 and 403 under /api and at userinfo as RFC 9457 problem+json, with the bearer challenge of RFC 6750 §3: a
 * missing token is {@code Bearer}, any token refused (malformed, forged, expired, revoked, an ID token) is
 * {@code Bearer error="invalid_token"} with 401, never 400, and a token without the scope an API needs is
 * {@code error="insufficient_scope"} with 403.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	private final Problems problems;

	ApiAuthenticationEntryPoint(Problems problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				exception instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
		problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
	}

	/** Userinfo's own refusals: a token without scope openid (403), or one the store no longer holds as active (401). */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof OAuth2AuthenticationException refused
				&& OAuth2ErrorCodes.INSUFFICIENT_SCOPE.equals(refused.getError().getErrorCode())) {
			handle(request, response, new AccessDeniedException(refused.getMessage(), refused));
			return;
		}
		commence(request, response, exception);
	}
}
