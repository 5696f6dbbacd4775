package tongban.insight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import tongban.insight.Indicator;
import tongban.shared.Clocks;

/** CSV quoting, the display of values, summing townships into districts, the worst items and periods, counted by hand. */
class IndicatorRowsTest {

	@Test
	void csvQuotesWhatASpreadsheetWouldSplit() {
		IndicatorRow awkward = new IndicatorRow("on-time-rate", "按时办结率", "X", "名称,含\"引号\"\n换行", 1, 3L, 1.0 / 3);
		String csv = IndicatorCsv.write(List.of(awkward));
		assertThat(csv).startsWith("\uFEFFindicator,label,key,key_label,numerator,denominator,value\r\n");
		assertThat(csv).endsWith("on-time-rate,按时办结率,X,\"名称,含\"\"引号\"\"\n换行\",1,3,0.3333333333333333\r\n");
		assertThat(IndicatorApiIT.parseCsv(csv.substring(1)).get(1)).containsExactly("on-time-rate", "按时办结率", "X", "名称,含\"引号\"\n换行", "1", "3",
				"0.3333333333333333");
		IndicatorRow count = IndicatorRow.summed(Indicator.OVERDUE_CASES, "k", "k", 7, 0);
		assertThat(IndicatorCsv.write(List.of(count))).endsWith("overdue-cases,超期件数,k,k,7,,7.0\r\n");
	}

	@Test
	void valuesReadAsPeopleReadThem() {
		assertThat(IndicatorRow.summed(Indicator.ON_TIME_RATE, "k", "k", 5, 6).display()).isEqualTo("83.33%");
		assertThat(IndicatorRow.summed(Indicator.TIME_COMPRESSION, "k", "k", 12, 20).display()).isEqualTo("40.00%");
		assertThat(IndicatorRow.summed(Indicator.VISITS_PER_CASE, "k", "k", 3, 2).display()).isEqualTo("1.50");
		assertThat(IndicatorRow.summed(Indicator.OVERDUE_CASES, "k", "k", 4, 0).display()).isEqualTo("4");
		assertThat(IndicatorRow.summed(Indicator.GOOD_RATE, "k", "k", 0, 0).display()).isEqualTo("—");
		assertThat(IndicatorRow.summed(Indicator.ON_TIME_RATE, "k", "k", 5, 6).chartValue()).isEqualTo(83.33);
	}

	@Test
	void townshipsSumIntoTheirDistrict() {
		List<IndicatorRow> byRegion = List.of(IndicatorRow.summed(Indicator.ON_TIME_RATE, "330106011", "蒋村", 6, 8),
				IndicatorRow.summed(Indicator.ON_TIME_RATE, "330106", "西湖区", 3, 4), IndicatorRow.summed(Indicator.ON_TIME_RATE, "330102", "上城区", 1, 4),
				IndicatorRow.summed(Indicator.ON_TIME_RATE, "", "—", 9, 9));
		List<IndicatorRow> districts = IndicatorMatrix.regroup(byRegion, key -> DashboardController.child("3301", key), code -> code);
		assertThat(districts).extracting(IndicatorRow::key, IndicatorRow::numerator, IndicatorRow::denominator, IndicatorRow::value)
			.containsExactly(tuple("330106", 9L, 12L, 0.75), tuple("330102", 1L, 4L, 0.25));
		assertThat(DashboardController.child("33", "330106011")).isEqualTo("330100");
		assertThat(DashboardController.child("330106", "330106011")).isEqualTo("330106011");
	}

	@Test
	void worstItemsAreTheLowestTheMostOverdueAndTheVisitsAboveDeclared() {
		List<IndicatorRow> byItem = List.of(IndicatorRow.summed(Indicator.ON_TIME_RATE, "A", "A", 9, 10),
				IndicatorRow.summed(Indicator.ON_TIME_RATE, "B", "B", 1, 2), IndicatorRow.summed(Indicator.ON_TIME_RATE, "C", "C", 4, 4),
				IndicatorRow.summed(Indicator.OVERDUE_CASES, "A", "A", 1, 0), IndicatorRow.summed(Indicator.OVERDUE_CASES, "B", "B", 1, 0),
				IndicatorRow.summed(Indicator.OVERDUE_CASES, "D", "D", 5, 0), IndicatorRow.summed(Indicator.OVERDUE_CASES, "C", "C", 0, 0),
				IndicatorRow.summed(Indicator.VISITS_PER_CASE, "A", "A", 20, 10), IndicatorRow.summed(Indicator.DECLARED_VISITS_PER_CASE, "A", "A", 10, 10),
				IndicatorRow.summed(Indicator.VISITS_PER_CASE, "B", "B", 2, 2), IndicatorRow.summed(Indicator.DECLARED_VISITS_PER_CASE, "B", "B", 2, 2));
		WorstItems worst = WorstItems.of(byItem);
		assertThat(worst.lowestOnTime()).extracting(IndicatorRow::key).containsExactly("B", "A");
		assertThat(worst.mostOverdue()).extracting(IndicatorRow::key).containsExactly("D", "A", "B");
		assertThat(worst.visitsAboveDeclared()).extracting(WorstItems.VisitComparison::key).containsExactly("A");
	}

	@Test
	void periodsAreNeverInTheFutureNorReversed() {
		IndicatorRequests requests = new IndicatorRequests(null, null);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		assertThat(requests.period(null, null, "2019-02")).isEqualTo(new IndicatorRequests.Period(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28)));
		assertThat(requests.period(null, null, YearMonth.from(today).toString()).to()).as("this month ends today").isEqualTo(today);
		assertThat(requests.period(null, null, null)).isEqualTo(IndicatorRequests.lastFullMonth());
		assertThat(requests.period("2019-01-01", "2019-12-31", null).months()).hasSize(12);
		assertThatThrownBy(() -> requests.period("2019-03-02", "2019-03-01", null)).hasFieldOrPropertyWithValue("code", "reversed-period");
		assertThatThrownBy(() -> requests.period(null, null, YearMonth.from(today).plusMonths(1).toString()))
			.hasFieldOrPropertyWithValue("code", "future-period");
		assertThatThrownBy(() -> requests.period("2019-01-01", today.plusDays(1).toString(), null)).hasFieldOrPropertyWithValue("code", "future-period");
		assertThatThrownBy(() -> requests.period("2000-01-01", "2019-01-01", null)).hasFieldOrPropertyWithValue("code", "period-too-long");
		assertThatThrownBy(() -> requests.period("+2019-01-01", "2019-01-02", null)).hasFieldOrPropertyWithValue("code", "bad-date");
		assertThatThrownBy(() -> IndicatorRequests.grouping("Week")).hasFieldOrPropertyWithValue("code", "unknown-grouping");
	}
}
