package tongban.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tongban.shared.DomainException;
import tongban.shared.FileStore;

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

	/** The request attribute naming the code of an error page when its status alone does not say enough. */
	static final String ERROR_CODE = PageExceptionHandler.class.getName() + ".code";

	/** The file store is down for the moment: a 503 page that says so in plain words, not "服务暂时出现问题". */
	@ExceptionHandler(FileStore.Unavailable.class)
	void fileStoreUnavailable(FileStore.Unavailable e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(ERROR_CODE, e.code());
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

	/** A path that names no resource (a ticket number where an id belongs, a word for a number) is not found. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
		response.sendError(e.getParameter().hasParameterAnnotation(PathVariable.class) ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_BAD_REQUEST);
	}
}
