package tongban.casework;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a party may promise at all: one whose false promise is on record (失信记录) may not apply under 告知承诺制
 * until the restriction ends, and must supply the materials (国办发〔2020〕42号). Casework owns the question; the module
 * that keeps breaches answers it (proactive), so casework depends on no one for it. No implementation: nobody is barred.
 */
public interface PromiseStanding {

	/** The last day of the restriction on the party, if one is in force on {@code today}. */
	Optional<LocalDate> barredUntil(UUID partyId, LocalDate today);
}
