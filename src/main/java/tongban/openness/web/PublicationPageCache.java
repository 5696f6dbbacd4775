package tongban.openness.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import tongban.openness.internal.PublicationGeneration;
import tongban.shared.web.AnonymousPageCache;

/**
 * Publication pages as anonymous visitors see them (a policy, an interpretation, an article, the lists without filters,
 * the 政务公开 index and department pages, and the API's detail answers), kept as rendered like guide pages
 * ({@code GuidePageCache}) until anything about publications changes ({@link PublicationGeneration}): a publication,
 * a new version, a withdrawal or a validity change evicts them all at once. Signed-in visitors, sessions, query strings
 * and responses that set cookies bypass it; runs after Spring Security, so security headers are written as for any page.
 */
@Configuration(proxyBeanMethods = false)
class PublicationPageCache {

	static final int MAX_ENTRIES = 8_192;
	private static final Pattern CACHED = Pattern.compile(
			"(/api)?/(policies|publications|interpretations|articles)(/[0-9a-fA-F-]{36})?|/openness(/[A-Za-z0-9-]{1,40})?");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicationPageCacheFilter(PublicationGeneration generation) {
		AnonymousPageCache cache = new AnonymousPageCache(MAX_ENTRIES, Long.MAX_VALUE, true);
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String uri = request.getRequestURI();
				if (request.getQueryString() != null || !CACHED.matcher(uri).matches() || uri.equals("/api/policies")
						|| uri.equals("/api/publications") || !AnonymousPageCache.anonymousGet(request)) {
					chain.doFilter(request, response);
					return;
				}
				String key = uri + "|" + AnonymousPageCache.variant(request);
				long version = generation.current();
				if (!cache.serve(key, version, response)) {
					cache.render(key, version, request, response, chain);
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/policies", "/policies/*", "/interpretations/*", "/articles", "/articles/*", "/openness", "/openness/*",
				"/api/policies/*", "/api/publications/*");
		registration.setOrder(0); // after Spring Security's filter chain (-100)
		return registration;
	}
}
