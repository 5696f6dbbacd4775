package tongban.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tongban.shared.DomainException;
import tongban.shared.FileStore;

/** Every error under /api as RFC 9457 problem+json with a stable {@code code}; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final Problems problems;

	ApiExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
		HttpStatus status = switch (e.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		return ResponseEntity.status(status).body(problems.of(request, status, e.code(), null, e.args()));
	}

	/** The file store is down for the moment: 503 with a Retry-After, the request may simply be sent again. */
	@ExceptionHandler(FileStore.Unavailable.class)
	ResponseEntity<ProblemDetail> fileStoreUnavailable(FileStore.Unavailable e, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
			.body(problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, e.code(), null));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail p = problems.of(servlet(request), HttpStatus.BAD_REQUEST, "invalid-request", null);
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError f : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(f.getField(), f.getDefaultMessage());
		}
		p.setProperty("errors", fields);
		return ResponseEntity.badRequest().body(p);
	}

	/** A path variable of the wrong type names no resource: 404, as a resource that does not exist. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return handleExceptionInternal(ex, null, headers, HttpStatus.NOT_FOUND, request);
		}
		return super.handleTypeMismatch(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String code = statusCode.value() == 404 ? "not-found" : statusCode.is4xxClientError() ? "invalid-request" : "internal";
		ProblemDetail p = problems.of(servlet(request), statusCode, code, null);
		return ResponseEntity.status(statusCode).headers(headers).body(p);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		logger.error("unexpected error on " + request.getRequestURI(), e);
		return ResponseEntity.internalServerError()
			.body(problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", null));
	}

	private static HttpServletRequest servlet(WebRequest request) {
		return request instanceof ServletWebRequest s ? s.getRequest() : null;
	}
}
