package tongban.shared.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses control characters at the edge, once for every way text comes in: the decoded path, parameter names and
 * values (query string, form and multipart fields), the file names of multipart parts, header values (the platform's
 * own {@code Tongban-*} headers as {@link HeaderValues} decodes them), and every property name and string of a JSON
 * body. PostgreSQL refuses NUL in text, so a NUL that reached a statement was a 500 wherever it went; and no person types
 * a control character. Tab, line feed and carriage return are text (a textarea sends them) and pass.
 * <p>
 * The answer is a 400 that names the field: problem+json with {@code code} {@code control-characters} and
 * {@code errors} under /api, the interface's own format where a module provides a {@link RefusedInputAnswer} (Open311),
 * otherwise the error page with an error summary naming the field. It runs after the character encoding filter (so
 * parameters are read as UTF-8) and before Spring Security (so no bad value reaches a sign-in or a token endpoint).
 */
public class InputGuard extends OncePerRequestFilter {

	/** Request attribute: the refused field, for the error page. */
	public static final String REFUSED_FIELD = InputGuard.class.getName() + ".field";
	static final String CODE = "control-characters";
	/** The field named when a file name is refused before its part is known. */
	static final String FILE_NAME = "filename";
	/** The field named when a body does not parse at all; refused with {@link #UNREADABLE}. */
	static final String BODY = "body";
	static final String UNREADABLE = "unreadable-body";
	/** Code of a JSON body over {@link #MAX_JSON_BYTES}: read into memory to be checked, so bounded before it is read. */
	static final String TOO_LARGE = "body-too-large";
	/** The largest JSON body read (the API's largest, a form of a repeating group, is a few kilobytes). */
	static final int MAX_JSON_BYTES = 1024 * 1024;
	/** Request attribute: the refusal's code, for the error page. */
	public static final String REFUSED_CODE = InputGuard.class.getName() + ".code";

	private final Problems problems;
	private final MessageSource messages;
	private final JsonMapper json;
	private final List<RefusedInputAnswer> answers;
	private final LocaleResolver locales;

	InputGuard(Problems problems, MessageSource messages, JsonMapper json, List<RefusedInputAnswer> answers,
			LocaleResolver locales) {
		this.problems = problems;
		this.locales = locales;
		this.messages = messages;
		this.json = json;
		this.answers = answers;
	}

	/** Whether a character may be in text the platform takes: anything but a control character other than tab, LF, CR. */
	static boolean allowed(int codePoint) {
		return codePoint == '\t' || codePoint == '\n' || codePoint == '\r' || Character.getType(codePoint) != Character.CONTROL;
	}

	static boolean clean(String text) {
		return text == null || text.codePoints().allMatch(InputGuard::allowed);
	}

	/** A name as it can be shown back: control characters written as {@code \u0000}. */
	static String printable(String name) {
		StringBuilder b = new StringBuilder();
		name.codePoints().forEach(c -> {
			if (allowed(c) && c != '\t' && c != '\n' && c != '\r') {
				b.appendCodePoint(c);
			}
			else {
				b.append(String.format("\\u%04x", c));
			}
		});
		return b.toString();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked = request;
		Optional<String> refused = path(request).or(() -> headers(request)).or(() -> parameters(request)).or(() -> parts(request));
		if (refused.isEmpty() && json(request)) {
			byte[] body = request.getContentLengthLong() > MAX_JSON_BYTES ? null
					: request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
			if (body == null || body.length > MAX_JSON_BYTES) {
				tooLarge(request, response);
				return;
			}
			refused = jsonStrings(body);
			checked = new CachedBody(request, body);
		}
		if (refused.isPresent()) {
			refuse(request, response, refused.get());
			return;
		}
		chain.doFilter(checked, response);
	}

	private static Optional<String> path(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return clean(path) ? Optional.empty() : Optional.of("path");
	}

	private static Optional<String> headers(HttpServletRequest request) {
		for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			boolean own = name.toLowerCase(Locale.ROOT).startsWith(HeaderValues.OWN_PREFIX);
			for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
				String value = values.nextElement();
				if (!clean(value) || (own && !clean(HeaderValues.decode(value)))) {
					return Optional.of(name);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> parameters(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException e) {
			// the container parses a multipart body for its parameters and refuses a NUL in a file name on the way
			// (the file-name exception itself the first time, wrapped in an IllegalStateException afterwards)
			if (refusedFileName(e)) {
				return Optional.of(FILE_NAME);
			}
			// a body over a size limit is answered downstream as before (413 under /api); any other that does not
			// parse is refused here, before a later read of a parameter fails in the container
			return causedBy(e, SizeException.class) ? Optional.empty() : Optional.of(BODY);
		}
		for (Map.Entry<String, String[]> p : parameters.entrySet()) {
			if (!clean(p.getKey())) {
				return Optional.of(p.getKey());
			}
			for (String value : p.getValue()) {
				if (!clean(value)) {
					return Optional.of(p.getKey());
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> parts(HttpServletRequest request) {
		if (request.getContentType() == null
				|| !request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return Optional.empty();
		}
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IOException | ServletException | IllegalStateException e) {
			// the container refuses a NUL in a file name while it parses; any other body that does not parse (one too
			// large) is Spring's multipart handling's to answer
			return refusedFileName(e) ? Optional.of(FILE_NAME) : Optional.empty();
		}
		for (Part part : parts) {
			if (!clean(part.getName())) {
				return Optional.of(part.getName());
			}
			if (!clean(part.getSubmittedFileName())) {
				return Optional.of(part.getName());
			}
		}
		return Optional.empty();
	}

	private static boolean refusedFileName(Exception e) {
		return causedBy(e, InvalidFileNameException.class);
	}

	private static boolean causedBy(Exception e, Class<? extends Throwable> type) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean json(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** The JSON pointer of the first property name or string holding a control character; none if it does not parse. */
	private Optional<String> jsonStrings(byte[] body) {
		try (JsonParser parser = json.createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
					if (!clean(parser.getString())) {
						String pointer = parser.streamReadContext().pathAsPointer().toString();
						return Optional.of(pointer.isEmpty() ? "/" : pointer);
					}
				}
			}
		}
		catch (JacksonException e) {
			// not JSON: the controller's message converter answers 400
		}
		return Optional.empty();
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String limit = MAX_JSON_BYTES / 1024 + " KB";
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			problems.write(response, problems.of(request, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, null, limit));
			return;
		}
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
		String name = printable(field);
		String code = BODY.equals(field) ? UNREADABLE : CODE;
		String message = messages.getMessage("error." + code, new Object[] { name }, code, locales.resolveLocale(request));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = problems.of(request, HttpStatus.BAD_REQUEST, code, message, name);
			problem.setProperty("errors", Map.of(name, message));
			problems.write(response, problem);
			return;
		}
		for (RefusedInputAnswer answer : answers) {
			if (answer.answers(request)) {
				answer.write(request, response, name, message);
				return;
			}
		}
		// the error page, rendered as for any 400, from a request without its refused body: a body the container could
		// not parse fails every later read of a parameter (the security filters read some), and so the page
		request.setAttribute(REFUSED_FIELD, name);
		request.setAttribute(REFUSED_CODE, code);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.BAD_REQUEST.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		try {
			request.getRequestDispatcher("/error").forward(new WithoutBody(request), response);
		}
		catch (ServletException e) {
			throw new IOException(e);
		}
	}

	/** The request as a GET without parameters or body, for rendering the error page. */
	private static final class WithoutBody extends HttpServletRequestWrapper {

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public Part getPart(String name) {
			return null;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new CachedBody(this, new byte[0]).getInputStream();
		}
	}

	/** The request with its body already read, for the controllers after the check. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous body");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			// JSON is UTF-8 (RFC 8259 §8.1)
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}
	}
}
