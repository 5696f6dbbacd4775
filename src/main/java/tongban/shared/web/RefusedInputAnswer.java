package tongban.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How an interface with an error format of its own (Open311's array of {@code code} and {@code description}) answers
 * input that {@link InputGuard} refuses at the edge. The module that owns the interface implements it; without one,
 * /api answers problem+json and pages the error page.
 */
public interface RefusedInputAnswer {

	/** Whether this request belongs to the interface. */
	boolean answers(HttpServletRequest request);

	/** Writes a 400 that names {@code field} and the reason {@code message} (already in the request's language). */
	void write(HttpServletRequest request, HttpServletResponse response, String field, String message) throws IOException;
}
