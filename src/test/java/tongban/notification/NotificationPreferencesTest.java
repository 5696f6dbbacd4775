package tongban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tongban.notification.NotificationPreferences.Preferences;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/** Quiet hours, in China Standard Time, wrapping midnight or not. */
class NotificationPreferencesTest {

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(Clocks.ZONE).toInstant();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"2026-12-07T20:59, 2026-12-07T20:59",
			"2026-12-07T21:00, 2026-12-08T08:00",
			"2026-12-07T23:30, 2026-12-08T08:00",
			"2026-12-08T00:10, 2026-12-08T08:00",
			"2026-12-08T07:59, 2026-12-08T08:00",
			"2026-12-08T08:00, 2026-12-08T08:00" })
	void nightQuietHoursHoldUntilEight(String now, String sendable) {
		Preferences night = new Preferences(true, true, LocalTime.of(21, 0), LocalTime.of(8, 0), Set.of());
		assertThat(night.sendableFrom(at(now))).isEqualTo(at(sendable));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "2026-12-07T11:59, 2026-12-07T11:59", "2026-12-07T12:00, 2026-12-07T14:00", "2026-12-07T14:00, 2026-12-07T14:00" })
	void quietHoursWithinADay(String now, String sendable) {
		Preferences noon = new Preferences(true, true, LocalTime.of(12, 0), LocalTime.of(14, 0), Set.of());
		assertThat(noon.sendableFrom(at(now))).isEqualTo(at(sendable));
	}

	@Test
	void withoutQuietHoursEverythingGoesAtOnceAndTopicsAreWanted() {
		assertThat(Preferences.DEFAULT.sendableFrom(at("2026-12-07T23:00"))).isEqualTo(at("2026-12-07T23:00"));
		assertThat(Preferences.DEFAULT.wants(Topic.BIRTH)).isTrue();
		assertThat(new Preferences(true, true, null, null, Set.of(Topic.BIRTH)).wants(Topic.BIRTH)).isFalse();
	}

	@Test
	void quietHoursNeedTwoDifferentEnds() {
		assertThat(catchThrowableOfType(DomainException.class, () -> new Preferences(true, true, LocalTime.NOON, null, Set.of())).code())
			.isEqualTo("notification-quiet-hours");
		assertThat(catchThrowableOfType(DomainException.class, () -> new Preferences(true, true, LocalTime.NOON, LocalTime.NOON, Set.of())).code())
			.isEqualTo("notification-quiet-hours");
	}
}
