package tongban.shared;

import java.util.Arrays;
import java.util.List;

/**
 * A refused value: {@code field} names the form field (or a path such as {@code material.2}), {@code code} the message
 * key, {@code args} the message's arguments. Pages show it beside the field and in the error summary; the API lists it in
 * the problem's {@code errors}.
 */
public record FieldProblem(String field, String code, List<Object> args) {

	public FieldProblem {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static FieldProblem of(String field, String code, Object... args) {
		return new FieldProblem(field, code, Arrays.asList(args));
	}

	public Object[] argArray() {
		return args.toArray();
	}
}
