package tongban.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a citizen who has not yet agreed to the new privacy notice on the page that asks (个人信息保护法 Art. 14 para.
 * 2: a change of purpose needs consent again): any other page redirects there, except the notice itself, signing out
 * and the static files. It reads only the session (the flag {@link SignInHandlers} set at sign-in), never the
 * database, so it costs nothing per request. Not a bean: a filter bean would be registered for every request.
 */
class NoticeGate extends OncePerRequestFilter {

	/** The page asking the person to agree to the new version. */
	static final String PAGE = "/account/notice";

	private static final List<String> OPEN = List.of(PAGE, "/logout", "/privacy", "/error", "/favicon.ico");
	private static final List<String> OPEN_PREFIXES = List.of("/privacy/", "/css/", "/js/", "/img/", "/webjars/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		String path = request.getServletPath();
		if (session == null || session.getAttribute(SessionKeys.NOTICE_OUTDATED) == null || OPEN.contains(path)
				|| OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
			chain.doFilter(request, response);
			return;
		}
		response.sendRedirect(request.getContextPath() + PAGE);
	}
}
