package tongban.catalog.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tongban.catalog.CatalogManagement;
import tongban.catalog.internal.ViewCounter;

/**
 * Guide pages (and {@code GET /api/items/{code}}) as anonymous visitors see them are the same for everyone with the
 * same language and elder-mode cookies, and change only when something is published; so the rendered response is kept
 * and served again until then. Signed-in
 * visitors, visitors with a session, other query strings and any response that sets a cookie are never cached. Runs
 * after Spring Security, so the security headers are written as for any page; views are still counted.
 */
@Configuration(proxyBeanMethods = false)
class GuidePageCache {

	static final int MAX_ENTRIES = 4_096;
	private static final Pattern GUIDE = Pattern.compile("(/api)?/items/([^/]{1,60})");

	record Entry(long generation, byte[] body, String contentType) {
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> guidePageCacheFilter(CatalogManagement catalog, ViewCounter views) {
		Map<String, Entry> cache = new ConcurrentHashMap<>();
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher m = GUIDE.matcher(request.getRequestURI());
				String query = request.getQueryString();
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (!"GET".equals(request.getMethod()) || !m.matches() || !(query == null || query.equals("print=1"))
						|| auth != null && !(auth instanceof AnonymousAuthenticationToken) || request.getSession(false) != null) {
					chain.doFilter(request, response);
					return;
				}
				String key = request.getRequestURI() + "?" + query + "|" + cookie(request, "tb_elder") + "|"
						+ cookie(request, "tb_lang") + "|" + request.getHeader("Accept-Language");
				long generation = catalog.generation();
				Entry hit = cache.get(key);
				if (hit != null && hit.generation() == generation) {
					if (m.group(1) == null) {
						views.viewed(m.group(2));
					}
					response.setContentType(hit.contentType());
					response.setContentLength(hit.body().length);
					response.getOutputStream().write(hit.body());
					return;
				}
				ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
				chain.doFilter(request, wrapper);
				if (wrapper.getStatus() == 200 && response.getHeaders("Set-Cookie").isEmpty()
						&& wrapper.getContentType() != null
						&& (wrapper.getContentType().startsWith("text/html") || wrapper.getContentType().startsWith("application/json"))
						&& request.getSession(false) == null) {
					if (cache.size() >= MAX_ENTRIES) {
						cache.clear();
					}
					cache.put(key, new Entry(generation, wrapper.getContentAsByteArray(), wrapper.getContentType()));
				}
				wrapper.copyBodyToResponse();
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/items/*", "/api/items/*");
		registration.setOrder(0); // after Spring Security's filter chain (-100)
		return registration;
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
