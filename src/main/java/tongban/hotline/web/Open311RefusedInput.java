package tongban.hotline.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import tongban.shared.web.RefusedInputAnswer;

import tools.jackson.databind.json.JsonMapper;

/** Input refused at the edge under /open311 answers as every Open311 error does: the spec's array, in JSON or XML. */
@Component
class Open311RefusedInput implements RefusedInputAnswer {

	private final JsonMapper json;

	Open311RefusedInput(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean answers(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + Open311Controller.BASE + "/");
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, String field, String message)
			throws IOException {
		List<?> errors = List.of(Open311Error.error(400, field + "：" + message));
		response.setStatus(400);
		if (request.getRequestURI().endsWith(".xml")) {
			response.setContentType(Open311Controller.XML.toString());
			response.getWriter().write(Xml.document("errors", "error", errors));
		}
		else {
			response.setContentType(Open311Controller.JSON.toString());
			response.getWriter().write(json.writeValueAsString(errors));
		}
	}
}
