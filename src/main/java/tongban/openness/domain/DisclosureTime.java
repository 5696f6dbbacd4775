package tongban.openness.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import tongban.shared.Clocks;

/**
 * The time a step of a request is taken: now (Asia/Shanghai), or, for the demo data that replays last year's requests
 * through the same services, the moment the loader names for the work it runs.
 */
@Component
public class DisclosureTime {

	private static final ThreadLocal<OffsetDateTime> REPLAYED = new ThreadLocal<>();

	public OffsetDateTime now() {
		OffsetDateTime replayed = REPLAYED.get();
		return replayed != null ? replayed : OffsetDateTime.now(Clocks.ZONE);
	}

	public LocalDate today() {
		return now().atZoneSameInstant(Clocks.ZONE).toLocalDate();
	}

	/** Runs {@code work} as if it were {@code when} (demo data and tests of past requests). */
	public <T> T at(OffsetDateTime when, Supplier<T> work) {
		OffsetDateTime before = REPLAYED.get();
		REPLAYED.set(when);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				REPLAYED.remove();
			}
			else {
				REPLAYED.set(before);
			}
		}
	}
}
