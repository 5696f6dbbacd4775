package tongban.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method among the mappings whose path begins with the request's first segment, instead
 * of among all of them. Spring MVC matches a path with variables ({@code /api/hotline/tickets/{number}/close}) against
 * every one of the application's ~580 mappings; the complaint-lifecycle profile (issue #21) found a tenth of each API
 * request's CPU there. Mappings whose first segment is itself a pattern are candidates for every request.
 *
 * <p>The answer is the one Spring's own lookup gives, which this falls back to whenever it could differ: a CORS
 * pre-flight, a first segment that is encoded or carries matrix variables, no candidate matching (so 404 and 405 are
 * Spring's own), or two equally good matches (Spring reports the ambiguity). {@code IndexedHandlerMappingIT} checks
 * the two agree for a path made from every mapping.
 */
public class IndexedHandlerMapping extends RequestMappingHandlerMapping {

	/** The mappings by the literal first segment of their paths, and those whose first segment is a pattern. */
	private record Index(Map<String, List<RequestMappingInfo>> bySegment, List<RequestMappingInfo> anySegment,
			Map<RequestMappingInfo, HandlerMethod> handlers) {

		List<RequestMappingInfo> candidates(String segment) {
			return bySegment.getOrDefault(segment, anySegment);
		}
	}

	private volatile Index index;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		String segment = firstSegment(lookupPath);
		if (segment == null || CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Index current = index();
		List<RequestMappingInfo> matched = new ArrayList<>(2);
		List<RequestMappingInfo> registered = new ArrayList<>(2);
		for (RequestMappingInfo candidate : current.candidates(segment)) {
			RequestMappingInfo match = getMatchingMapping(candidate, request);
			if (match != null) {
				matched.add(match);
				registered.add(candidate);
			}
		}
		if (matched.isEmpty()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		int best = 0;
		if (matched.size() > 1) {
			Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
			for (int i = 1; i < matched.size(); i++) {
				if (comparator.compare(matched.get(i), matched.get(best)) < 0) {
					best = i;
				}
			}
			for (int i = 0; i < matched.size(); i++) {
				if (i != best && comparator.compare(matched.get(i), matched.get(best)) == 0) {
					return super.lookupHandlerMethod(lookupPath, request);
				}
			}
		}
		HandlerMethod handler = current.handlers().get(registered.get(best));
		if (handler == null) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		handleMatch(matched.get(best), lookupPath, request);
		return handler;
	}

	/** Spring's own lookup over every mapping, for the test that compares the two. */
	HandlerMethod lookupAmongAll(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	/** The first segment of a path as written, or null when it cannot be compared with literals as written. */
	static String firstSegment(String lookupPath) {
		if (lookupPath == null || !lookupPath.startsWith("/")) {
			return null;
		}
		int end = lookupPath.indexOf('/', 1);
		String segment = end < 0 ? lookupPath.substring(1) : lookupPath.substring(1, end);
		return segment.isEmpty() || segment.indexOf('%') >= 0 || segment.indexOf(';') >= 0 ? null : segment;
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		index = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		index = null;
	}

	/** The index, made on the first request after the mappings were registered (or one was added or removed). */
	private Index index() {
		Index current = index;
		if (current != null) {
			return current;
		}
		Map<RequestMappingInfo, HandlerMethod> handlers = getHandlerMethods();
		Map<String, Set<RequestMappingInfo>> bySegment = new HashMap<>();
		Set<RequestMappingInfo> anySegment = new LinkedHashSet<>();
		for (RequestMappingInfo info : handlers.keySet()) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths == null) {
				anySegment.add(info);
				continue;
			}
			for (PathPattern pattern : paths.getPatterns()) {
				String literal = literalFirstSegment(pattern.getPatternString());
				if (literal == null) {
					anySegment.add(info);
				}
				else {
					bySegment.computeIfAbsent(literal, key -> new LinkedHashSet<>()).add(info);
				}
			}
		}
		Map<String, List<RequestMappingInfo>> lists = new HashMap<>();
		bySegment.forEach((segment, infos) -> {
			Set<RequestMappingInfo> all = new LinkedHashSet<>(infos);
			all.addAll(anySegment);
			lists.put(segment, List.copyOf(all));
		});
		current = new Index(Map.copyOf(lists), List.copyOf(anySegment), Map.copyOf(handlers));
		index = current;
		return current;
	}

	/** The first segment of a pattern when it is a plain literal, else null. */
	static String literalFirstSegment(String pattern) {
		if (!pattern.startsWith("/")) {
			return null;
		}
		int end = pattern.indexOf('/', 1);
		String segment = end < 0 ? pattern.substring(1) : pattern.substring(1, end);
		boolean literal = !segment.isEmpty() && segment.chars().noneMatch(ch -> ch == '{' || ch == '*' || ch == '?' || ch == '%' || ch == ';');
		return literal ? segment : null;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations indexedHandlerMapping() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new IndexedHandlerMapping();
				}
			};
		}
	}
}
