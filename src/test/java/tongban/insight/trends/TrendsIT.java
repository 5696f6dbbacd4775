package tongban.insight.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.TicketIntake;
import tongban.insight.trends.TopicAlerts.TopicAlert;
import tongban.shared.Clocks;
import tongban.support.IntegrationTest;

/**
 * Hot topics end to end: a noise-complaint surge made through hotline's API raises one alert with its tickets (after
 * each submitted ticket, and not again when the hourly pass runs over the same window); the weekly report counts it;
 * the planted rise in closures of the demo business register is flagged.
 */
class TrendsIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TopicAlerts alerts;

	@Autowired
	TopicWatch watch;

	@Autowired
	WeeklyReports reports;

	@Autowired
	BusinessTrends business;

	private List<TopicAlert> noiseAlerts() {
		return alerts.since("330106", LocalDate.now(Clocks.ZONE).minusDays(7))
			.stream()
			.filter(a -> a.category() && a.topic().equals(NoiseSurge.CATEGORY) && a.townshipCode().equals(NoiseSurge.TOWNSHIP))
			.toList();
	}

	@Test
	void aNoiseSurgeRaisesOneAlertWithItsTickets() {
		List<String> numbers = NoiseSurge.submit(intake, 12);

		// the listener notes each ticket's township after commit; the minute's pass (run here at once) scans it
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			watch.scanPending();
			assertThat(noiseAlerts()).hasSize(1);
			assertThat(alerts.tickets(noiseAlerts().getFirst().id())).extracting(TopicAlerts.AlertTicket::ticketNumber).containsAll(numbers);
		});
		TopicAlert alert = noiseAlerts().getFirst();
		assertThat(alert.observed()).isGreaterThanOrEqualTo(12);
		assertThat(alert.threshold().doubleValue()).isLessThanOrEqualTo(alert.observed());

		watch.scan("", LocalDate.now(Clocks.ZONE));
		watch.scan("", LocalDate.now(Clocks.ZONE));
		assertThat(noiseAlerts()).hasSize(1);
		// the term surges with its category: 施工 is in every one of the tickets
		assertThat(alerts.since(NoiseSurge.TOWNSHIP, LocalDate.now(Clocks.ZONE).minusDays(7))).anyMatch(a -> !a.category() && a.topic().equals("施工"));
		// not in another district's view
		assertThat(alerts.since("330108", LocalDate.now(Clocks.ZONE).minusDays(7))).noneMatch(a -> a.id().equals(alert.id()));

		WeeklyReports.WeeklyReport week = reports.report(LocalDate.now(Clocks.ZONE).with(DayOfWeek.MONDAY), NoiseSurge.TOWNSHIP);
		assertThat(week.categories()).anyMatch(line -> line.key().equals(NoiseSurge.CATEGORY) && line.count() >= 12 && line.label().equals("施工噪声"));
		assertThat(week.townships()).anyMatch(line -> line.key().equals(NoiseSurge.TOWNSHIP) && line.label().equals("蒋村街道"));
		assertThat(week.surges()).extracting(TopicAlert::id).contains(alert.id());
	}

	@Test
	void thePlantedRiseInClosuresIsFlaggedAndQuietCellsAreNot() {
		YearMonth lastMonth = YearMonth.now(Clocks.ZONE).minusMonths(1);
		BusinessTrends.Trends trends = business.trends(lastMonth, "330106");
		assertThat(trends.cells()).filteredOn(BusinessTrends.Cell::warns)
			.singleElement()
			.satisfies(cell -> {
				assertThat(cell.industry()).isEqualTo("H 住宿和餐饮业");
				assertThat(cell.township()).isEqualTo("古荡街道");
				assertThat(cell.closed()).isEqualTo(12);
			});
		assertThat(trends.months()).hasSize(BusinessTrends.MONTHS);
		assertThat(trends.months().getLast().warnings()).isEqualTo(1);
		assertThat(trends.months().getLast().established()).isPositive();
		// another district sees none of 西湖区's register
		assertThat(business.trends(lastMonth, "330108").cells()).isEmpty();
	}
}
