package tongban.feedback.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import tongban.feedback.RatingStatistics;
import tongban.shared.web.AnonymousPageCache;

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

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> ratingsPageCacheFilter(RatingStatistics statistics) {
		AnonymousPageCache cache = new AnonymousPageCache(MAX_ENTRIES, MAX_AGE_NANOS, false);
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String query = request.getQueryString();
				if (!"/ratings".equals(request.getRequestURI()) || query != null && query.length() > 200 || !AnonymousPageCache.anonymousGet(request)) {
					chain.doFilter(request, response);
					return;
				}
				String key = query + "|" + AnonymousPageCache.variant(request);
				long version = statistics.version();
				if (!cache.serve(key, version, response)) {
					cache.render(key, version, request, response, chain);
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/ratings");
		registration.setOrder(0); // after Spring Security's filter chain (-100)
		return registration;
	}
}
