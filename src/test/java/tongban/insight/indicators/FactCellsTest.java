package tongban.insight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.casework.Applying;
import tongban.casework.CaseFact;
import tongban.casework.CaseId;
import tongban.exchange.ReadCount;
import tongban.feedback.Level;
import tongban.feedback.RatingFact;
import tongban.hotline.Satisfaction;
import tongban.hotline.TicketFact;
import tongban.hotline.TicketId;
import tongban.insight.Indicator;
import tongban.insight.Measure;
import tongban.insight.internal.DailyMeasures;
import tongban.shared.Clocks;

/**
 * Every indicator computed from a small history whose figures were counted by hand (the comments give the count), through
 * the same cells the listeners and the backfill write.
 */
class FactCellsTest {

	/** Monday 2 March 2026. */
	static final LocalDate D = LocalDate.of(2026, 3, 2);

	static final String DEPARTMENT = "XH-RLSB";
	static final String REGION = "330106";
	static final String ITEM = "330106-GG-0001-01";

	static Instant at(LocalDate day, int hour) {
		return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(Clocks.ZONE).toInstant();
	}

	static CaseFact caseFact(String channel, LocalDate concluded, LocalDate due, int rounds, int visits, int prefilled, int licences) {
		// every case of the item: statutory 20 working days, promised 10, declared 1 visit
		return new CaseFact(CaseId.of(UUID.randomUUID()), DEPARTMENT, REGION, ITEM, "社会保障卡申领", channel, at(D, 9),
				concluded == null ? null : at(concluded, 15), concluded == null ? null : "APPROVED", due, 20, 10, 1, rounds, visits, prefilled,
				licences);
	}

	/** The known history: 4 cases, 5 tickets, 6 ratings, 2 departments' reads. */
	static List<Cells> history() {
		return List.of(
				// 1: online, concluded the same day, on time, no visit, 3 fields prefilled, 1 licence used
				FactCells.of(caseFact(Applying.ONLINE, D, D.plusDays(10), 0, 0, 3, 1)),
				// 2: online, concluded after its due date, two 补正 rounds, one supplement visit, 2 fields prefilled
				FactCells.of(caseFact(Applying.ONLINE, D.plusDays(3), D.plusDays(2), 2, 1, 2, 0)),
				// 3: at the counter (intake + collection visits), on time, one 补正 round, 2 licences used
				FactCells.of(caseFact(Applying.COUNTER, D.plusDays(5), D.plusDays(10), 1, 2, 0, 2)),
				// 4: online, still open, 1 field prefilled
				FactCells.of(caseFact(Applying.ONLINE, null, D.plusDays(10), 0, 0, 1, 0)),
				FactCells.of(ticket(at(D, 10), at(D.plusDays(1), 18), Satisfaction.SATISFIED)),
				FactCells.of(ticket(at(D.plusDays(2), 10), at(D.plusDays(1), 18), Satisfaction.BASIC)),
				// answered on the call: no due time, on time
				FactCells.of(ticket(at(D, 11), null, Satisfaction.UNSATISFIED)),
				FactCells.of(ticket(at(D, 12), at(D.plusDays(3), 18), null)),
				// not closed: counts nothing
				FactCells.of(ticket(null, at(D.plusDays(3), 18), null)),
				FactCells.of(rating(Level.VERY_SATISFIED, true, false), ITEM),
				FactCells.of(rating(Level.SATISFIED, true, false), ITEM),
				FactCells.of(rating(Level.BASICALLY_SATISFIED, true, false), ITEM),
				FactCells.of(rating(Level.VERY_DISSATISFIED, true, true), ITEM),
				FactCells.of(rating(Level.DISSATISFIED, true, false), ITEM),
				// excluded by an upheld appeal: counts nothing
				FactCells.of(rating(Level.VERY_SATISFIED, false, false), ITEM),
				FactCells.of(new ReadCount(D, DEPARTMENT, 120), REGION),
				FactCells.of(new ReadCount(D, "XH-SCJG", 30), REGION));
	}

	static TicketFact ticket(Instant closed, Instant due, Satisfaction satisfaction) {
		return new TicketFact(new TicketId(UUID.randomUUID()), DEPARTMENT, "330106011", closed, due, satisfaction);
	}

	static RatingFact rating(Level level, boolean counted, boolean rectifiedInTime) {
		return new RatingFact(UUID.randomUUID(), DEPARTMENT, REGION, UUID.randomUUID(), level, D, counted, rectifiedInTime);
	}

	/** The summed counters of the cells, as {@code insight_daily} would hold them over the whole period. */
	static Map<Measure, Long> sums(List<Cells> history) {
		Map<Measure, Long> sums = new EnumMap<>(Measure.class);
		for (Cells cells : history) {
			for (DailyMeasures.Delta delta : cells.minus(new Cells(), day -> true)) {
				sums.merge(delta.measure(), delta.delta(), Long::sum);
			}
		}
		return sums;
	}

	static Double value(Map<Measure, Long> sums, Indicator indicator) {
		long numerator = sums.getOrDefault(indicator.numerator(), 0L);
		long denominator = indicator.denominator() == null ? 0 : sums.getOrDefault(indicator.denominator(), 0L);
		return indicator.value(numerator, denominator);
	}

	@Test
	void eachIndicatorOfTheKnownHistory() {
		Map<Measure, Long> sums = sums(history());
		// 4 cases submitted, 3 online
		assertThat(value(sums, Indicator.ONLINE_RATE)).isEqualTo(0.75);
		// 3 concluded; only case 1 online without a visit
		assertThat(value(sums, Indicator.FULLY_ONLINE_RATE)).isCloseTo(1.0 / 3, within(1e-9));
		// only case 1 concluded on its submission day
		assertThat(value(sums, Indicator.IMMEDIATE_RATE)).isCloseTo(1.0 / 3, within(1e-9));
		// 1 − (10 + 10 + 10) / (20 + 20 + 20)
		assertThat(value(sums, Indicator.TIME_COMPRESSION)).isEqualTo(0.5);
		// cases 1 and 3 by their due date, case 2 after
		assertThat(value(sums, Indicator.ON_TIME_RATE)).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(value(sums, Indicator.OVERDUE_CASES)).isEqualTo(1.0);
		// (0 + 1 + 2) visits over 3 concluded cases; declared 1 each
		assertThat(value(sums, Indicator.VISITS_PER_CASE)).isEqualTo(1.0);
		assertThat(value(sums, Indicator.DECLARED_VISITS_PER_CASE)).isEqualTo(1.0);
		// case 2 had two 补正 rounds
		assertThat(value(sums, Indicator.ONE_NOTICE_VIOLATIONS)).isEqualTo(1.0);
		// 5 counted ratings, 2 good (5 and 4)
		assertThat(value(sums, Indicator.GOOD_RATE)).isEqualTo(0.4);
		// 2 bad (1 and 2), 1 rectified in time
		assertThat(value(sums, Indicator.BAD_RECTIFIED_RATE)).isEqualTo(0.5);
		// 4 tickets closed, 3 by their due time (the one answered on the call has none)
		assertThat(value(sums, Indicator.HOTLINE_ON_TIME_RATE)).isEqualTo(0.75);
		// 3 answered, 2 satisfied or basically satisfied
		assertThat(value(sums, Indicator.HOTLINE_SATISFACTION)).isCloseTo(2.0 / 3, within(1e-9));
		// 120 + 30 reads
		assertThat(value(sums, Indicator.DATA_READS)).isEqualTo(150.0);
		// 3 + 2 + 0 + 1 fields
		assertThat(value(sums, Indicator.FIELDS_PREFILLED)).isEqualTo(6.0);
		// 1 + 0 + 2 + 0 licences
		assertThat(value(sums, Indicator.LICENCES_USED)).isEqualTo(3.0);
	}

	@Test
	void aCaseCountsOnItsSubmissionAndConclusionDays() {
		Cells cells = FactCells.of(caseFact(Applying.ONLINE, D.plusDays(3), D.plusDays(2), 2, 1, 2, 0));
		assertThat(cells.firstDay()).isEqualTo(D);
		assertThat(cells.lastDay()).isEqualTo(D.plusDays(3));
		assertThat(cells.minus(new Cells(), day -> day.equals(D))).extracting(DailyMeasures.Delta::measure)
			.containsExactlyInAnyOrder(Measure.CASES_SUBMITTED, Measure.CASES_ONLINE, Measure.FIELDS_PREFILLED);
	}

	@Test
	void countingTheSameFactAgainAddsNothingAndAChangeOnlyItsDifference() {
		CaseFact open = caseFact(Applying.ONLINE, null, D.plusDays(10), 0, 0, 0, 0);
		CaseFact concluded = new CaseFact(open.caseId(), DEPARTMENT, REGION, ITEM, open.itemName(), Applying.ONLINE, open.submittedAt(),
				at(D, 16), "APPROVED", open.dueDate(), 20, 10, 1, 0, 0, 0, 0);
		Cells before = FactCells.of(open);
		assertThat(FactCells.of(open).minus(before, day -> true)).isEmpty();
		List<DailyMeasures.Delta> difference = FactCells.of(concluded).minus(before, day -> true);
		assertThat(difference).extracting(DailyMeasures.Delta::measure).doesNotContain(Measure.CASES_SUBMITTED, Measure.CASES_ONLINE)
			.contains(Measure.CASES_CONCLUDED, Measure.CASES_ON_TIME, Measure.CASES_IMMEDIATE, Measure.CASES_FULLY_ONLINE);
		// taken back: a reopened ticket no longer counts as closed
		Cells closed = FactCells.of(ticket(at(D, 10), at(D.plusDays(1), 18), null));
		assertThat(new Cells().minus(closed, day -> true)).extracting(DailyMeasures.Delta::delta).containsOnly(-1L);
		assertThat(Cells.of(closed.asMap()).minus(closed, day -> true)).isEmpty();
	}
}
