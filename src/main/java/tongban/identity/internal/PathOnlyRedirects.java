package tongban.identity.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Sends people back to the page they asked for by its path and query only. The saved address was built from the
 * Host header of the first request, which anyone can forge; a relative Location never names another site.
 */
final class PathOnlyRedirects implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(pathOnly(url)));
	}

	static String pathOnly(String url) {
		URI uri = URI.create(url);
		if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
			return url;
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}
}
