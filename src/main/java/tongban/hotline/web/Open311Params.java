package tongban.hotline.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** Reading an Open311 request's parameters: text, numbers, W3C dates and comma-delimited lists, refused as the spec says. */
final class Open311Params {

	private Open311Params() {
	}

	static String param(HttpServletRequest request, String name) {
		String v = request.getParameter(name);
		return v == null ? "" : v.strip();
	}

	static BigDecimal decimal(String text, String name, List<Map<String, Object>> errors) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			errors.add(Open311Error.error(400, name + " 不是有效的数字"));
			return null;
		}
	}

	static OffsetDateTime date(String text, String name) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			// an unencoded "+08:00" in a query string arrives as " 08:00"
			return OffsetDateTime.parse(text.replace(' ', '+'), Open311Requests.W3C);
		}
		catch (DateTimeParseException e) {
			throw Open311Error.of(400, name + " 须为带时区的 W3C 日期时间，例如 2026-11-05T08:15:30+08:00");
		}
	}

	static List<String> list(String text) {
		return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
	}

	/** A parameter the spec lets a client declare several times, comma delimited: every value of every occurrence. */
	static List<String> values(HttpServletRequest request, String name) {
		String[] all = request.getParameterValues(name);
		return all == null ? List.of() : Arrays.stream(all).flatMap(v -> list(v.strip()).stream()).distinct().toList();
	}
}
