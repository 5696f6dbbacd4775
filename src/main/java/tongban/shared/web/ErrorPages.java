package tongban.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container forwards to on an error: problem+json for /api and for clients that ask for JSON, a friendly
 * page (403, 404, 500 …) for people. No stack trace either way.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping(value = "/error", produces = { "application/json", "application/problem+json" })
	ResponseEntity<ProblemDetail> json(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ResponseEntity.status(status).body(problems.of(request, status, code(status), null));
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
			return json(request);
		}
		ModelAndView mav = new ModelAndView("error/page");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("code", code(status));
		// an error whose status says too little (a 503 of the file store) names its own code
		Object named = request.getAttribute(PageExceptionHandler.ERROR_CODE);
		if (named != null) {
			mav.addObject("code", named);
		}
		// input refused at the edge: the page names the field, as a form's error summary would
		Object refused = request.getAttribute(InputGuard.REFUSED_FIELD);
		if (refused != null) {
			mav.addObject("code", request.getAttribute(InputGuard.REFUSED_CODE));
			mav.addObject("refusedField", refused);
		}
		return mav;
	}

	static String code(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 409 -> "conflict";
			default -> status.is4xxClientError() ? "invalid-request" : "internal";
		};
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
