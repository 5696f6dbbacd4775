package tongban.hall.kiosk;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A self-service kiosk (自助终端) registered for a service point: {@code enrolled} once a browser enrolled with its code,
 * {@code revoked} from the moment a platform admin revoked it (the device cookie stops working at once).
 */
public record Kiosk(UUID id, String name, UUID pointId, String printer, Instant registeredAt, String registeredBy,
		Instant enrolledAt, Instant revokedAt) implements Serializable {

	public boolean enrolled() {
		return enrolledAt != null;
	}

	public boolean revoked() {
		return revokedAt != null;
	}
}
