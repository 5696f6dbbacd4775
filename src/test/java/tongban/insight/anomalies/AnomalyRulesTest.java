package tongban.insight.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import tongban.exchange.ReadLog.Read;
import tongban.exchange.ReadLog.StaffDay;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/**
 * Each rule from a small hand-made day of reads. The day is Tuesday 2025-06-10, a working day; working hours 08:00–18:00.
 * Expected figures are counted by hand from the reads listed in each test.
 */
class AnomalyRulesTest {

	static final LocalDate DAY = LocalDate.of(2025, 6, 10);

	final AtomicLong ids = new AtomicLong();
	final AnomalyRules rules = new AnomalyRules(AnomalySettings.defaults(), WorkingCalendar.ofShipped());
	final AnomalyRules.CaseSteps nothingDone = (number, from, to) -> false;

	Instant at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(Clocks.ZONE).toInstant();
	}

	Read read(Instant at, String staff, String department, String subject, String caseNumber) {
		return read(at, staff, department, subject, caseNumber, "SERVED");
	}

	Read read(Instant at, String staff, String department, String subject, String caseNumber, String outcome) {
		return new Read(ids.incrementAndGet(), at, subject, "XH-GA-RK", department, null, staff, staff + "名", List.of("name"), "核验", caseNumber, outcome);
	}

	@Test
	void aNightReaderIsFlaggedAndADayClerkIsNot() {
		List<Read> reads = List.of(read(at(DAY, 2, 0), "night", "XH-SCJG", "p1", "C1"), read(at(DAY, 10, 0), "day", "XH-SCJG", "p2", "C2"),
				read(at(DAY, 17, 59), "day", "XH-SCJG", "p3", "C2"), read(at(DAY, 23, 0), "night", "XH-SCJG", "p4", "C1"));
		List<Hit> hits = rules.evaluate(reads, List.of(), Map.of("C1", "XH-SCJG", "C2", "XH-SCJG"), nothingDone);
		assertThat(hits).extracting(Hit::rule, Hit::key, Hit::count).containsExactly(tuple(AnomalyRule.OFF_HOURS, "night", 2L));
	}

	@Test
	void aSaturdayAtNoonIsOutsideWorkingDays() {
		assertThat(rules.inWorkingHours(at(LocalDate.of(2025, 6, 14), 12, 0))).isFalse();
		assertThat(rules.inWorkingHours(at(DAY, 8, 0))).isTrue();
		assertThat(rules.inWorkingHours(at(DAY, 18, 0))).isFalse();
		// 2025-09-28 is a Sunday made a working day (调休)
		assertThat(rules.inWorkingHours(at(LocalDate.of(2025, 9, 28), 10, 0))).isTrue();
	}

	@Test
	void volumeMustExceedThreeTimesOwnAndPeersBaselineAndTwenty() {
		List<Read> reads = new ArrayList<>();
		for (int n = 0; n < 25; n++) {
			reads.add(read(at(DAY, 9, n), "busy", "XH-RLSB", "p" + n, "C1"));
			reads.add(read(at(DAY, 10, n), "steady", "XH-RLSB", "q" + n, "C1"));
		}
		List<StaffDay> baseline = new ArrayList<>();
		for (int d = 1; d <= 10; d++) {
			baseline.add(new StaffDay("busy", "XH-RLSB", DAY.minusDays(d), d <= 6 ? 6 : 8)); // median 6
			baseline.add(new StaffDay("steady", "XH-RLSB", DAY.minusDays(d), 10)); // median 10: 25 is not over 30
			baseline.add(new StaffDay("peer", "XH-RLSB", DAY.minusDays(d), 5));
		}
		List<Hit> hits = rules.evaluate(reads, baseline, Map.of("C1", "XH-RLSB"), nothingDone);
		assertThat(hits).hasSize(1);
		Hit hit = hits.getFirst();
		assertThat(hit.rule()).isEqualTo(AnomalyRule.VOLUME);
		assertThat(hit.key()).isEqualTo("busy");
		assertThat(hit.count()).isEqualTo(25);
		assertThat(hit.figureA()).isEqualTo(6);
		// peers of busy: steady's ten days of 10 and peer's ten days of 5: median 7.5
		assertThat(hit.figureB()).isEqualTo(7.5);
	}

	@Test
	void nineteenReadsWithNoBaselineAreNoVolumeHit() {
		List<Read> reads = new ArrayList<>();
		for (int n = 0; n < 19; n++) {
			reads.add(read(at(DAY, 9, n), "new", "XH-RLSB", "p" + n, "C1"));
		}
		assertThat(rules.evaluate(reads, List.of(), Map.of("C1", "XH-RLSB"), nothingDone)).isEmpty();
	}

	@Test
	void readsWithoutACaseOrForAnotherDepartmentsCase() {
		List<Read> reads = List.of(read(at(DAY, 9, 0), "a", "XH-RLSB", "p1", "NOPE"), read(at(DAY, 9, 5), "a", "XH-RLSB", "p2", "YB1"),
				read(at(DAY, 9, 10), "a", "XH-RLSB", "p3", "RL1"));
		List<Hit> hits = rules.evaluate(reads, List.of(), Map.of("YB1", "XH-YB", "RL1", "XH-RLSB"), nothingDone);
		assertThat(hits).singleElement().satisfies(hit -> {
			assertThat(hit.rule()).isEqualTo(AnomalyRule.NO_CASE);
			assertThat(hit.count()).isEqualTo(2);
			assertThat(hit.figureA()).isEqualTo(1);
			assertThat(hit.figureB()).isEqualTo(1);
			assertThat(hit.readIds()).containsExactly(reads.get(0).id(), reads.get(1).id());
		});
	}

	@Test
	void onePersonReadByThreeDepartmentsWithoutTheirCase() {
		List<Read> reads = List.of(read(at(DAY, 9, 0), "a", "XH-RLSB", "victim", "RL1"), read(at(DAY, 9, 1), "b", "XH-YB", "victim", "RL1"),
				read(at(DAY, 9, 2), "c", "XH-SCJG", "victim", "RL1"), read(at(DAY, 9, 3), "d", "XH-YB", "victim", "RL1"),
				read(at(DAY, 9, 4), "a", "XH-RLSB", "other", "RL1"), read(at(DAY, 9, 5), "b", "XH-YB", "other", "RL1"));
		List<Hit> hits = rules.evaluate(reads, List.of(), Map.of("RL1", "XH-RLSB"), nothingDone).stream()
			.filter(h -> h.rule() == AnomalyRule.MANY_READERS)
			.toList();
		// a's reads are for its own department's case; b, c and d read without one: 3 reads, 2 departments: no hit at 3 departments
		assertThat(hits).isEmpty();
		List<Read> more = new ArrayList<>(reads);
		more.add(read(at(DAY, 9, 6), "e", "XH-ZJ", "victim", "RL1"));
		List<Hit> now = rules.evaluate(more, List.of(), Map.of("RL1", "XH-RLSB"), nothingDone).stream()
			.filter(h -> h.rule() == AnomalyRule.MANY_READERS)
			.toList();
		assertThat(now).singleElement().satisfies(hit -> {
			assertThat(hit.key()).isEqualTo("victim");
			assertThat(hit.count()).isEqualTo(4);
			assertThat(hit.figureA()).isEqualTo(3);
			assertThat(hit.figureB()).isEqualTo(4);
			assertThat(hit.departmentCode()).isEqualTo("XH-YB");
		});
	}

	@Test
	void aRevealFollowedByAStepOnTheCaseIsNoHit() {
		Read followed = read(at(DAY, 9, 0), "a", "XH-YB", "p1", "YB1", "REVEALED");
		Read idle = read(at(DAY, 11, 0), "a", "XH-YB", "p2", "YB2", "REVEALED");
		AnomalyRules.CaseSteps steps = (number, from, to) -> number.equals("YB1") && from.equals(followed.at())
				&& to.equals(followed.at().plusSeconds(3600));
		List<Hit> hits = rules.evaluate(List.of(followed, idle), List.of(), Map.of("YB1", "XH-YB", "YB2", "XH-YB"), steps);
		assertThat(hits).singleElement().satisfies(hit -> {
			assertThat(hit.rule()).isEqualTo(AnomalyRule.UNFOLLOWED_REVEAL);
			assertThat(hit.readIds()).containsExactly(idle.id());
			assertThat(hit.figureA()).isEqualTo(60);
		});
	}

	@Test
	void theMedianOfDailyCounts() {
		assertThat(AnomalyRules.median(List.of())).isZero();
		assertThat(AnomalyRules.median(List.of(3L, 1L, 2L))).isEqualTo(2);
		assertThat(AnomalyRules.median(List.of(4L, 1L, 2L, 3L))).isEqualTo(2.5);
	}
}
