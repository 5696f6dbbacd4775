package tongban.identity.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Sends people back to the page they asked for by its path and query only. The saved address was built from the
 * Host header of the first request, which anyone can forge; a relative Location never names another site. The
 * address is cut as text, not parsed: a saved query may hold characters a URI parser refuses.
 */
final class PathOnlyRedirects implements RedirectStrategy {

	private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*");

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(pathOnly(url)));
	}

	static String pathOnly(String url) {
		Matcher absolute = SCHEME_AND_AUTHORITY.matcher(url);
		if (!absolute.find()) {
			return url;
		}
		String rest = url.substring(absolute.end());
		return rest.startsWith("/") ? rest : "/" + rest;
	}
}
