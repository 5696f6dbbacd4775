package tongban.shared.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Rendered pages as anonymous visitors see them, kept per key (the address and the visitor's language and elder-mode
 * choices) while the data they show is at the same version, and for at most a given age. Only GETs by visitors who are
 * not signed in and have no session are served from it; only 200 answers of the allowed content types that set no
 * cookie are kept. Used by filters that run after Spring Security, so security headers are written as for any page.
 */
public final class AnonymousPageCache {

	private record Entry(long version, long at, byte[] body, String contentType) {
	}

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();
	private final int maxEntries;
	private final long maxAgeNanos;
	private final boolean json;

	/** {@code json}: keep {@code application/json} answers too, not only {@code text/html}. */
	public AnonymousPageCache(int maxEntries, long maxAgeNanos, boolean json) {
		this.maxEntries = maxEntries;
		this.maxAgeNanos = maxAgeNanos;
		this.json = json;
	}

	/** A GET by a visitor who is not signed in and has no session. */
	public static boolean anonymousGet(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return "GET".equals(request.getMethod()) && (auth == null || auth instanceof AnonymousAuthenticationToken)
				&& request.getSession(false) == null;
	}

	/** The part of a key every page shares: elder mode, language cookie and Accept-Language. */
	public static String variant(HttpServletRequest request) {
		return cookie(request, "tb_elder") + "|" + cookie(request, "tb_lang") + "|" + request.getHeader("Accept-Language");
	}

	/** Writes the kept page for this key if it is of this version and young enough; true when it did. */
	public boolean serve(String key, long version, HttpServletResponse response) throws IOException {
		Entry hit = cache.get(key);
		if (hit == null || hit.version() != version || System.nanoTime() - hit.at() >= maxAgeNanos) {
			return false;
		}
		response.setContentType(hit.contentType());
		response.setContentLength(hit.body().length);
		response.getOutputStream().write(hit.body());
		return true;
	}

	/** Renders the page through the chain and keeps it under the key when it may be shared. */
	public void render(String key, long version, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long now = System.nanoTime();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		String type = wrapper.getContentType();
		if (wrapper.getStatus() == 200 && response.getHeaders("Set-Cookie").isEmpty() && type != null
				&& (type.startsWith("text/html") || json && type.startsWith("application/json")) && request.getSession(false) == null) {
			if (cache.size() >= maxEntries) {
				cache.clear();
			}
			cache.put(key, new Entry(version, now, wrapper.getContentAsByteArray(), type));
		}
		wrapper.copyBodyToResponse();
	}

	private static String cookie(HttpServletRequest request, String name) {
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (c.getName().equals(name)) {
					return c.getValue();
				}
			}
		}
		return "";
	}
}
