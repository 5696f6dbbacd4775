package tongban.identity;

import java.util.UUID;

/** Whom an action is done for: the signed-in person or a legal person they act for. */
public record Party(Kind kind, UUID id, String name) {

	public enum Kind { CITIZEN, LEGAL_PERSON }
}
