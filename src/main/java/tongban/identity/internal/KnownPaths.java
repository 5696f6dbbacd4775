package tongban.identity.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths some handler answers (controllers, actuator endpoints, static folders), whatever the method. The web
 * chain sends anonymous visitors of these to sign in when they are not public; a path no handler answers is let
 * through so that it is a 404 page for everyone, instead of a sign-in page that pretends something is there.
 * The patterns are read from the handler mappings once, on first use (they are complete once the application runs).
 */
@Component
class KnownPaths {

	private final ListableBeanFactory beans;
	private volatile List<PathPattern> patterns;

	KnownPaths(ListableBeanFactory beans) {
		this.beans = beans;
	}

	boolean unknown(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		return patterns().stream().noneMatch(p -> p.matches(container));
	}

	private List<PathPattern> patterns() {
		List<PathPattern> known = patterns;
		if (known == null) {
			List<String> raw = new ArrayList<>();
			for (HandlerMapping mapping : beans.getBeansOfType(HandlerMapping.class).values()) {
				if (mapping instanceof RequestMappingInfoHandlerMapping controllers) {
					controllers.getHandlerMethods().keySet().forEach(info -> raw.addAll(info.getPatternValues()));
				}
				else if (mapping instanceof AbstractUrlHandlerMapping urls) {
					raw.addAll(urls.getHandlerMap().keySet());
				}
			}
			PathPatternParser parser = PathPatternParser.defaultInstance;
			known = raw.stream().distinct().map(parser::parse).toList();
			patterns = known;
		}
		return known;
	}
}
