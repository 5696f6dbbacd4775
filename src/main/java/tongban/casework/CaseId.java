package tongban.casework;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identity of a case (办件) at the module's boundary: what other modules, events and URLs name a case by. Written
 * as the bare UUID in JSON, in URLs and in text, so the API's shapes are those of a plain id.
 */
public record CaseId(UUID value) {

	public CaseId {
		if (value == null) {
			throw new IllegalArgumentException("a case id needs its value");
		}
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static CaseId of(UUID value) {
		return new CaseId(value);
	}

	/** A case id from its text (a path variable); not a UUID is an {@link IllegalArgumentException}. */
	public static CaseId valueOf(String text) {
		return new CaseId(UUID.fromString(text));
	}

	static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@JsonValue
	@Override
	public UUID value() {
		return value;
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
