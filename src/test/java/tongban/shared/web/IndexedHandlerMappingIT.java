package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import tongban.support.IntegrationTest;

/**
 * The indexed lookup finds, for a path made from every mapping of the application and every HTTP method, the same
 * controller method (or the same refusal: 404, 405, 415) with the same path variables as Spring's lookup over all
 * mappings.
 */
class IndexedHandlerMappingIT extends IntegrationTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*[^}]+}|\\{[^}:]+(?::[^}]*)?}|\\*\\*|\\*");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void findsWhatSpringsOwnLookupFinds() throws Exception {
		assertThat(mapping).isInstanceOf(IndexedHandlerMapping.class);
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) mapping;
		Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
		assertThat(all).hasSizeGreaterThan(300);
		List<String> paths = new ArrayList<>(List.of("/", "/nowhere/at/all", "/api/nowhere", "/%61pi/hotline/tickets/1/close",
				"/api;x=1/hotline/tickets/1/close"));
		for (RequestMappingInfo info : all.keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				for (String value : List.of("x1", "12345", "2f1c7e0a-1b2c-4d5e-8f90-123456789abc")) {
					paths.add(sample(pattern.getPatternString(), value));
				}
			}
		}
		int compared = 0;
		int found = 0;
		for (String path : paths) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
				Outcome fast = outcome(path, method, request -> indexed.getHandler(request) == null ? null
						: (HandlerMethod) indexed.getHandler(request).getHandler());
				Outcome full = outcome(path, method, request -> {
					String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
					return indexed.lookupAmongAll(lookupPath, request);
				});
				assertThat(fast).as(method + " " + path).isEqualTo(full);
				compared++;
				if (fast.method() != null) {
					found++;
				}
			}
		}
		assertThat(compared).isGreaterThan(5 * 900);
		assertThat(found).as("most sample paths reach a controller").isGreaterThan(compared / 5);
	}

	@Test
	void segmentsThatCannotBeComparedAsWrittenGoToSpringsOwnLookup() {
		assertThat(IndexedHandlerMapping.firstSegment("/api/hotline/tickets/1")).isEqualTo("api");
		assertThat(IndexedHandlerMapping.firstSegment("/")).isNull();
		assertThat(IndexedHandlerMapping.firstSegment("/%61pi/x")).isNull();
		assertThat(IndexedHandlerMapping.firstSegment("/api;v=1/x")).isNull();
		assertThat(IndexedHandlerMapping.literalFirstSegment("/open311/v2/requests.json")).isEqualTo("open311");
		assertThat(IndexedHandlerMapping.literalFirstSegment("/{module}/x")).isNull();
		assertThat(IndexedHandlerMapping.literalFirstSegment("/**")).isNull();
	}

	/** A path the pattern matches, each variable replaced by {@code value}. */
	private static String sample(String pattern, String value) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String found = matcher.group();
			String replacement = found.startsWith("{*") || found.equals("**") ? value + "/" + value : value;
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.isEmpty() ? "/" : out.toString();
	}

	private interface Lookup {
		HandlerMethod find(MockHttpServletRequest request) throws Exception;
	}

	/** What a lookup answered: the controller method and path variables, or the exception's type. */
	private record Outcome(String method, Object variables, String refusal) {
	}

	private Outcome outcome(String path, String method, Lookup lookup) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setContentType("application/x-www-form-urlencoded");
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerMethod handler = lookup.find(request);
			return new Outcome(handler == null ? null : handler.getMethod().toGenericString(),
					request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE), null);
		}
		catch (Exception refused) {
			return new Outcome(null, null, refused.getClass().getName());
		}
	}
}
