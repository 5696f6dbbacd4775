package tongban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A status's time as pages show it: China Standard Time, the date only when it is not today by the one clock. */
class DeliveryViewsTest {

	/** 2026-12-07 00:30 in Shanghai, still 12-06 in UTC. */
	private final DeliveryViews views = new DeliveryViews(null, Clock.fixed(Instant.parse("2026-12-06T16:30:00Z"), ZoneOffset.UTC));

	@Test
	void todayInShanghaiIsTheTimeAloneEvenWhereUtcIsStillYesterday() {
		assertThat(views.when(OffsetDateTime.parse("2026-12-06T16:05:00Z"))).isEqualTo("00:05");
	}

	@Test
	void anEarlierDayCarriesItsDateAndAnotherYearItsYear() {
		assertThat(views.when(OffsetDateTime.parse("2026-12-06T15:59:00Z"))).as("23:59 the day before in Shanghai").isEqualTo("12-06 23:59");
		assertThat(views.when(OffsetDateTime.parse("2025-12-31T02:32:00Z"))).isEqualTo("2025-12-31 10:32");
		assertThat(views.when(null)).isEmpty();
	}
}
