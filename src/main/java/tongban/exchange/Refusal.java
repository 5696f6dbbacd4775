package tongban.exchange;

import tongban.shared.DomainException;

/** A refused lookup: {@code code} for the message, {@code field} when one field was not granted. */
public class Refusal extends DomainException {

	private final String field;

	public Refusal(Kind kind, String code, String field, String detail, Object... args) {
		super(kind, code, detail, args);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
