package tongban.casework;

import java.time.Instant;
import java.time.LocalDate;

import tongban.shared.Clocks;

/** A material promised at a counter (容缺后补), with the day it is promised by and, once it came, who delivered it. */
public record Deferred(int materialIndex, String materialName, LocalDate promisedBy, String recordedBy, Instant deliveredAt,
		String deliveredBy) {

	public boolean pending() {
		return deliveredAt == null;
	}

	/** Still missing after the promised day. */
	public boolean overdue() {
		return pending() && promisedBy.isBefore(LocalDate.now(Clocks.ZONE));
	}
}
