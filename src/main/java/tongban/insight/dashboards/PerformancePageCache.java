package tongban.insight.dashboards;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tongban.shared.web.AnonymousPageCache;

/**
 * /performance as anonymous visitors see it is the same for everyone with the same month, language and elder-mode
 * cookies; the figures change only as events are counted, and the API already lets caches keep an answer for a minute.
 * So the rendered page is kept for at most {@link #MAX_AGE_NANOS} (the counters carry no version to watch), in the manner
 * of the other public pages' caches. Signed-in visitors, visitors with a session and answers that set a cookie are
 * never cached. Runs after Spring Security, so the security headers are written as for any page.
 */
@Configuration(proxyBeanMethods = false)
class PerformancePageCache {

	static final int MAX_ENTRIES = 256;
	static final long MAX_AGE_NANOS = 30_000_000_000L;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> performancePageCacheFilter() {
		AnonymousPageCache cache = new AnonymousPageCache(MAX_ENTRIES, MAX_AGE_NANOS, false);
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String query = request.getQueryString();
				if (!"/performance".equals(request.getRequestURI()) || query != null && query.length() > 40
						|| !AnonymousPageCache.anonymousGet(request)) {
					chain.doFilter(request, response);
					return;
				}
				String key = query + "|" + AnonymousPageCache.variant(request);
				if (!cache.serve(key, 0, response)) {
					cache.render(key, 0, request, response, chain);
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/performance");
		registration.setOrder(0); // after Spring Security's filter chain (-100)
		return registration;
	}
}
