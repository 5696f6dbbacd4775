package tongban.hotline.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An Open311 failure: HTTP status and the array of errors the spec prescribes ({@code code}, {@code description}). */
final class Open311Error extends RuntimeException {

	final int status;
	final List<Map<String, Object>> errors;

	Open311Error(int status, List<Map<String, Object>> errors) {
		super(null, null, false, false);
		this.status = status;
		this.errors = errors;
	}

	static Open311Error of(int status, String description) {
		return new Open311Error(status, List.of(error(status, description)));
	}

	/** One entry of the spec's error array. */
	static Map<String, Object> error(int code, String description) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", code);
		m.put("description", description);
		return m;
	}
}
