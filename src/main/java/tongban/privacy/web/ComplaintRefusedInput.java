package tongban.privacy.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import tongban.shared.web.RefusedInputAnswer;

/**
 * A complaint whose text holds a control character is refused at the edge ({@code InputGuard}); rather than the
 * general error page, the complaint form answers it, with the message beside the field and the text kept without the
 * control characters. The request is forwarded to the form's own handler, which refuses it the same way (400): the
 * forward passes Spring Security as any request does (session, CSRF token), and the text reaches no statement.
 */
@Component
class ComplaintRefusedInput implements RefusedInputAnswer {

	@Override
	public boolean answers(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + ComplaintController.PATH);
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, String field, String message) throws IOException {
		try {
			request.getRequestDispatcher(ComplaintController.PATH).forward(request, response);
		}
		catch (ServletException e) {
			throw new IOException(e);
		}
	}
}
