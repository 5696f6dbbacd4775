package tongban.shared;

/**
 * A rule of the domain said no. Carries a stable {@link #code()} (also the message key
 * {@code error.<code>}) and a {@link Kind}; no HTTP. The web layer maps kinds to statuses.
 */
public class DomainException extends RuntimeException {

	public enum Kind { NOT_FOUND, CONFLICT, INVALID, FORBIDDEN }

	private final Kind kind;
	private final String code;
	private final transient Object[] args;

	public DomainException(Kind kind, String code, String detail, Object... args) {
		super(detail);
		this.kind = kind;
		this.code = code;
		this.args = args;
	}

	public static DomainException notFound(String what) {
		return new DomainException(Kind.NOT_FOUND, "not-found", what + " not found");
	}

	public Kind kind() {
		return kind;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args;
	}
}
