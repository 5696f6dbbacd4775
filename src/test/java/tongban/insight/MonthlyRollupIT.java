package tongban.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.insight.IndicatorFilter.Grouping;
import tongban.insight.internal.DailyMeasures;
import tongban.support.IntegrationTest;

/**
 * The monthly roll-ups are kept equal to the daily counters by triggers, whoever writes them, so a figure read for whole
 * months plus loose days is the figure of the days themselves.
 */
class MonthlyRollupIT extends IntegrationTest {

	private static final String DEPARTMENT = "ROLLUP-TEST";
	private static final String REGION = "330106011";

	@Autowired
	DailyMeasures daily;

	@Autowired
	Indicators indicators;

	@Test
	void wholeMonthsAndLooseDaysGiveTheFiguresOfTheDays() {
		// January: 10 submitted, 6 online (two days); February: 4 submitted, 1 online; 1 March: 5 submitted, 5 online
		daily.add(LocalDate.of(2019, 1, 1), DEPARTMENT, REGION, "ITEM-A", Measure.CASES_SUBMITTED, 4);
		daily.add(LocalDate.of(2019, 1, 31), DEPARTMENT, REGION, "ITEM-B", Measure.CASES_SUBMITTED, 6);
		daily.add(LocalDate.of(2019, 1, 1), DEPARTMENT, REGION, "ITEM-A", Measure.CASES_ONLINE, 2);
		daily.add(LocalDate.of(2019, 1, 31), DEPARTMENT, REGION, "ITEM-B", Measure.CASES_ONLINE, 4);
		daily.add(LocalDate.of(2019, 2, 14), DEPARTMENT, REGION, "ITEM-A", Measure.CASES_SUBMITTED, 4);
		daily.add(LocalDate.of(2019, 2, 14), DEPARTMENT, REGION, "ITEM-A", Measure.CASES_ONLINE, 1);
		daily.add(LocalDate.of(2019, 3, 1), DEPARTMENT, REGION, "ITEM-B", Measure.CASES_SUBMITTED, 5);
		daily.add(LocalDate.of(2019, 3, 1), DEPARTMENT, REGION, "ITEM-B", Measure.CASES_ONLINE, 5);
		// an upsert onto an existing day (the listener's path) and a fact taken back
		daily.add(LocalDate.of(2019, 2, 14), DEPARTMENT, REGION, "ITEM-A", Measure.CASES_SUBMITTED, 1);
		daily.add(LocalDate.of(2019, 2, 14), DEPARTMENT, REGION, "ITEM-A", Measure.CASES_SUBMITTED, -1);

		// 31 January .. 1 March: a loose day, a whole month, a loose day → 6 + 4 + 5 submitted, 4 + 1 + 5 online
		assertThat(onlineRate(LocalDate.of(2019, 1, 31), LocalDate.of(2019, 3, 1), Grouping.TOTAL, null))
			.containsExactlyEntriesOf(Map.of("total", List.of(10L, 15L)));
		assertThat(onlineRate(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 31), Grouping.MONTH, null))
			.containsExactlyInAnyOrderEntriesOf(Map.of("2019-01", List.of(6L, 10L), "2019-02", List.of(1L, 4L), "2019-03", List.of(5L, 5L)));
		assertThat(onlineRate(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 2, 28), Grouping.ITEM, null))
			.containsExactlyInAnyOrderEntriesOf(Map.of("ITEM-A", List.of(3L, 8L), "ITEM-B", List.of(4L, 6L)));
		assertThat(onlineRate(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 31), Grouping.TOTAL, "ITEM-B"))
			.containsExactlyEntriesOf(Map.of("total", List.of(9L, 11L)));

		// the backfill's path: the days deleted and written again
		jdbc.sql("delete from insight_daily where department_code = ? and day = ?").params(DEPARTMENT, LocalDate.of(2019, 1, 31)).update();
		assertThat(onlineRate(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31), Grouping.TOTAL, null))
			.containsExactlyEntriesOf(Map.of("total", List.of(2L, 4L)));
		assertThat(jdbc.sql("""
				select count(*) from (select month, department_code, region_code, measure, value from insight_monthly_unit where department_code = ?
				except select date_trunc('month', day)::date, department_code, region_code, measure, sum(value) from insight_daily
				where department_code = ? group by 1, 2, 3, 4) differing""")
			.params(DEPARTMENT, DEPARTMENT)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from (select day, department_code, region_code, measure, value from insight_daily_unit where department_code = ?
				and value <> 0 except select day, department_code, region_code, measure, sum(value) from insight_daily
				where department_code = ? group by 1, 2, 3, 4) differing""")
			.params(DEPARTMENT, DEPARTMENT)
			.query(Long.class)
			.single()).isZero();
		// days alone, by day: from the item-less daily counters
		assertThat(onlineRate(LocalDate.of(2019, 2, 14), LocalDate.of(2019, 3, 1), Grouping.DAY, null))
			.containsExactlyInAnyOrderEntriesOf(Map.of("2019-02-14", List.of(1L, 4L), "2019-03-01", List.of(5L, 5L)));
	}

	/** Online and submitted per group, for the test department only. */
	private Map<String, List<Long>> onlineRate(LocalDate from, LocalDate to, Grouping by, String item) {
		return indicators.values(new IndicatorFilter(List.of(Indicator.ONLINE_RATE), null, DEPARTMENT, item, from, to, by))
			.stream()
			.collect(Collectors.toMap(IndicatorValue::key, value -> List.of(value.numerator(), value.denominator())));
	}
}
