package tongban.hall.kiosk;

import java.time.Instant;
import java.util.UUID;

/**
 * The person signed in at a kiosk by ID card: their account when they have one (printing and applying need it),
 * their name, the masked ID number (the full number is never kept nor shown) and whether the card gives the green
 * channel (65 or older).
 */
public record KioskPerson(UUID kioskId, UUID accountId, String name, String maskedId, boolean green, Instant startedAt,
		Instant lastSeenAt) {

	public boolean hasAccount() {
		return accountId != null;
	}
}
