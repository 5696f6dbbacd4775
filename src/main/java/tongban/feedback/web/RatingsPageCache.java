package tongban.feedback.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

import tongban.feedback.RatingStatistics;

/**
 * The public statistics page as anonymous visitors see it is the same for everyone with the same filters, language and
 * elder-mode cookies until the statistics change; so the rendered page is kept and served again while
 * {@link RatingStatistics#version()} is unchanged, for at most 5 seconds (writes on other nodes of a cluster). Signed-in
 * visitors, visitors with a session and responses that set a cookie are never cached (in the manner of the catalogue's
 * guide page cache). Runs after Spring Security, so the security headers are written as for any page.
 */
@Configuration(proxyBeanMethods = false)
class RatingsPageCache {

	static final int MAX_ENTRIES = 1_024;
	static final long MAX_AGE_NANOS = 5_000_000_000L;

	record Entry(long version, long at, byte[] body, String contentType) {
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> ratingsPageCacheFilter(RatingStatistics statistics) {
		Map<String, Entry> cache = new ConcurrentHashMap<>();
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				String query = request.getQueryString();
				if (!"GET".equals(request.getMethod()) || !"/ratings".equals(request.getRequestURI()) || query != null && query.length() > 200
						|| auth != null && !(auth instanceof AnonymousAuthenticationToken) || request.getSession(false) != null) {
					chain.doFilter(request, response);
					return;
				}
				String key = query + "|" + cookie(request, "tb_elder") + "|" + cookie(request, "tb_lang") + "|" + request.getHeader("Accept-Language");
				long version = statistics.version();
				long now = System.nanoTime();
				Entry hit = cache.get(key);
				if (hit != null && hit.version() == version && now - hit.at() < MAX_AGE_NANOS) {
					response.setContentType(hit.contentType());
					response.setContentLength(hit.body().length);
					response.getOutputStream().write(hit.body());
					return;
				}
				ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
				chain.doFilter(request, wrapper);
				if (wrapper.getStatus() == 200 && response.getHeaders("Set-Cookie").isEmpty() && wrapper.getContentType() != null
						&& wrapper.getContentType().startsWith("text/html") && request.getSession(false) == null) {
					if (cache.size() >= MAX_ENTRIES) {
						cache.clear();
					}
					cache.put(key, new Entry(version, now, wrapper.getContentAsByteArray(), wrapper.getContentType()));
				}
				wrapper.copyBodyToResponse();
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/ratings");
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
