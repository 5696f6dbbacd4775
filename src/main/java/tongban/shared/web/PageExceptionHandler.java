package tongban.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tongban.shared.DomainException;

/**
 * Pages: what is not found or not yours is a 404 page; a refused action a 409. The status is sent as an error so the
 * container renders it through {@link ErrorPages}, with the same header (account menu) as every page. REST
 * controllers are @Controllers too, so this advice runs after {@link ApiExceptionHandler}, which answers them first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(DomainException.class)
	void domain(DomainException e, HttpServletResponse response) throws IOException {
		response.sendError(switch (e.kind()) {
			case NOT_FOUND, FORBIDDEN -> HttpServletResponse.SC_NOT_FOUND;
			case CONFLICT -> HttpServletResponse.SC_CONFLICT;
			case INVALID -> 422;
		});
	}

	/** A path that names no resource (a ticket number where an id belongs, a word for a number) is not found. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
		response.sendError(e.getParameter().hasParameterAnnotation(PathVariable.class) ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_BAD_REQUEST);
	}
}
