package tongban.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import tongban.shared.DomainException;

/**
 * Pages: what is not found or not yours is a 404 page; a refused action a 409 page with the reason. REST controllers
 * are @Controllers too, so this advice runs after {@link ApiExceptionHandler}, which answers them first.
 */
@ControllerAdvice(annotations = Controller.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException e) {
		HttpStatus status = switch (e.kind()) {
			case NOT_FOUND, FORBIDDEN -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		ModelAndView mav = new ModelAndView("error/page");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("code", status == HttpStatus.NOT_FOUND ? "not-found" : e.code());
		return mav;
	}
}
