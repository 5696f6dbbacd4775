package tongban.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import tongban.catalog.CatalogManagement;
import tongban.catalog.HandlingPlaces;
import tongban.catalog.RelatedPolicies;
import tongban.catalog.internal.ViewCounter;
import tongban.shared.web.AnonymousPageCache;

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

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> guidePageCacheFilter(CatalogManagement catalog, ViewCounter views,
			List<RelatedPolicies> relatedPolicies, List<HandlingPlaces> handlingPlaces) {
		AnonymousPageCache cache = new AnonymousPageCache(MAX_ENTRIES, Long.MAX_VALUE, true);
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher m = GUIDE.matcher(request.getRequestURI());
				String query = request.getQueryString();
				if (!m.matches() || !(query == null || query.equals("print=1")) || !AnonymousPageCache.anonymousGet(request)) {
					chain.doFilter(request, response);
					return;
				}
				String key = request.getRequestURI() + "?" + query + "|" + AnonymousPageCache.variant(request);
				// both only grow: the sum changes when either does (a policy governing the item changed its 相关政策)
				long generation = catalog.generation() + relatedPolicies.stream().mapToLong(RelatedPolicies::version).sum()
						+ handlingPlaces.stream().mapToLong(HandlingPlaces::version).sum();
				if (cache.serve(key, generation, response)) {
					if (m.group(1) == null) {
						views.viewed(m.group(2));
					}
					return;
				}
				cache.render(key, generation, request, response, chain);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/items/*", "/api/items/*");
		registration.setOrder(0); // after Spring Security's filter chain (-100)
		return registration;
	}
}
