package tongban.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a title from messages ({@code error.<code>}),
 * in the request's language.
 */
@Component
public class Problems {

	public static final String TYPE_BASE = "https://tongban.org/problems/";

	private final MessageSource messages;
	private final JsonMapper json;

	Problems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public ProblemDetail of(HttpServletRequest request, HttpStatusCode status, String code, String detail, Object... args) {
		Locale locale = request == null ? Locale.SIMPLIFIED_CHINESE : RequestContextUtils.getLocale(request);
		ProblemDetail p = ProblemDetail.forStatus(status);
		p.setType(URI.create(TYPE_BASE + code));
		p.setTitle(messages.getMessage("error." + code, args, code, locale));
		if (detail != null) {
			p.setDetail(detail);
		}
		p.setProperty("code", code);
		if (request != null) {
			p.setInstance(URI.create(request.getRequestURI()));
		}
		return p;
	}

	/** For filters that answer before any controller. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		write(response, of(request, status, code, null));
	}

	/** For filters that answer before any controller, with a problem they built (e.g. naming a field). */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
