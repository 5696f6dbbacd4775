package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import tongban.shared.Clocks;
import tongban.shared.DomainException;

/** The consent graph, the purposes' bases and the notice versions in force by date. */
class ConsentStatusTest {

	@Test
	void consentIsGivenRenewedWithdrawnAndGivenAgain() {
		assertThat(ConsentStatus.GRAPH.next(ConsentStatus.NONE)).containsExactlyInAnyOrder(ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN);
		assertThat(ConsentStatus.GRAPH.next(ConsentStatus.GIVEN)).containsExactlyInAnyOrder(ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN);
		assertThat(ConsentStatus.GRAPH.next(ConsentStatus.WITHDRAWN)).containsExactly(ConsentStatus.GIVEN);
		assertThat(ConsentStatus.GRAPH.require(ConsentStatus.GIVEN, ConsentStatus.GIVEN).event()).isEqualTo("ConsentRenewed");
		assertThat(ConsentStatus.GRAPH.require(ConsentStatus.WITHDRAWN, ConsentStatus.GIVEN).event()).isEqualTo("ConsentGiven");
		assertThat(ConsentStatus.GRAPH.terminal()).as("a consent never ends: it can always be given again").isEmpty();
	}

	@Test
	void withdrawingTwiceIsAConflict() {
		DomainException twice = catchThrowableOfType(DomainException.class,
				() -> ConsentStatus.GRAPH.require(ConsentStatus.WITHDRAWN, ConsentStatus.WITHDRAWN));
		assertThat(twice.kind()).isEqualTo(DomainException.Kind.CONFLICT);
		assertThat(twice.code()).isEqualTo("privacy-consent-state");
	}

	@Test
	void onlyConsentBasedPurposesAreWithdrawnAndOnlyProactiveHere() {
		assertThat(ProcessingPurpose.values()).filteredOn(ProcessingPurpose::withdrawable).containsExactly(ProcessingPurpose.PROACTIVE);
		assertThat(ProcessingPurpose.CASE_HANDLING.consentBased()).isFalse();
		assertThat(ProcessingPurpose.HOTLINE.article()).isEqualTo("第十三条第一款第（三）项");
		assertThat(ProcessingPurpose.ofCode("proactive")).as("codes are exact").isEmpty();
		assertThat(ProcessingPurpose.ofCode("PROACTIVE")).contains(ProcessingPurpose.PROACTIVE);
	}

	@Test
	void theVersionInForceIsTheNewestWhoseDayHasCome() {
		PrivacyNotices before = notices(LocalDate.of(2026, 12, 6));
		PrivacyNotices after = notices(LocalDate.of(2026, 12, 7));
		assertThat(before.current().version()).isEqualTo("1.0");
		assertThat(before.published()).extracting(NoticeVersion::version).containsExactly("1.0");
		assertThat(before.version("1.1")).as("not published before its day").isEmpty();
		assertThat(after.current().version()).isEqualTo("1.1");
		assertThat(after.published()).extracting(NoticeVersion::version).containsExactly("1.1", "1.0");
		assertThat(after.since("1.0")).extracting(NoticeVersion::version).containsExactly("1.1");
		assertThat(after.since("1.1")).isEmpty();
		assertThat(after.outdated("1.0")).isTrue();
		assertThat(after.outdated("1.1")).isFalse();
		assertThat(after.outdated("0.9")).as("a version we never published").isTrue();
		assertThat(before.outdated("1.1")).as("agreed under a clock set ahead: not older").isFalse();
	}

	private static PrivacyNotices notices(LocalDate day) {
		Clock clock = Clock.fixed(day.atTime(0, 30).atZone(Clocks.ZONE).toInstant(), ZoneOffset.UTC);
		return new PrivacyNotices(clock, new PrivacyOfficer("负责人", "0571-1", "p@example.org", true));
	}
}
