package tongban.shared.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the node that answered in {@code X-Tongban-Node} ({@code TONGBAN_NODE_NAME}; no header when unset), so an
 * operator behind a load balancer, and the cluster test, can tell which node served a request. The name is the
 * operator's own label (node-1 …), not a host name or address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeHeader extends OncePerRequestFilter {

	static final String HEADER = "X-Tongban-Node";

	private final String name;

	NodeHeader(@Value("${tongban.node.name:}") String name) {
		this.name = name.strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!name.isEmpty()) {
			response.setHeader(HEADER, name);
		}
		chain.doFilter(request, response);
	}
}
