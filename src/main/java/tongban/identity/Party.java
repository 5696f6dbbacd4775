package tongban.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * Whom an action is done for: the signed-in person or a legal person they act for. Kept in the session, which lives in
 * PostgreSQL so that any node can go on with it.
 */
public record Party(Kind kind, UUID id, String name) implements Serializable {

	public enum Kind { CITIZEN, LEGAL_PERSON }
}
