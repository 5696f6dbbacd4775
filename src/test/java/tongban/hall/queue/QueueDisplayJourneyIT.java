package tongban.hall.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.ServicePoints;
import tongban.hall.Channel;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.WindowStaff;
import tongban.hall.queue.internal.DisplayBroadcaster;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.JourneyTest;
import tongban.support.People;

/** Two browsers: the clerk calls the next number on the workbench and the hall's display shows it within a second. */
class QueueDisplayJourneyIT extends JourneyTest {

	@Autowired
	ServicePoints points;

	@Autowired
	QueueNumbers numbers;

	@Autowired
	WindowStaff staffing;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	DisplayBroadcaster broadcaster;

	@Test
	void theClerkCallsTheNextNumberAndTheDisplayShowsItWithinASecond() {
		ServicePoints.ServicePoint sandun = points.pointByCode("XH-BM-SD").orElseThrow();
		ServicePoints.PointWindow window = points.windows(sandun.id()).stream().filter(w -> w.number().equals("01")).findFirst().orElseThrow();
		People.Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "三墩窗口");
		staffing.assign(window.id(), clerk.id());
		Page desk = staffPage(clerk);

		LocalDate day = LocalDate.now(Clocks.ZONE).plusDays(100);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		QueueTicket ticket = numbers.take(new QueueNumbers.Take(sandun.id(), Series.A, Channel.KIOSK, null, null, null, null));

		// the TV in the hall: the display page, connected to the point's events
		page.navigate(base() + "/hall/points/XH-BM-SD/display");
		assertThat(page.getByTestId("display-waiting")).containsText("1");
		await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.connected(sandun.id()) > 0);
		accessible();

		desk.navigate(base() + "/workbench/hall/queue");
		assertThat(desk.getByTestId("window")).containsText("01");
		desk.getByTestId("call-next").click();
		assertThat(desk.getByTestId("current")).hasText(ticket.label());

		Locator now = page.getByTestId("display-now");
		assertThat(now).containsText(ticket.label(), new LocatorAssertions.ContainsTextOptions().setTimeout(1000));
		assertThat(page.getByTestId("announce")).hasText("请 " + ticket.label() + " 号到 01 号窗口");
		assertThat(page.getByTestId("display-recent")).containsText(ticket.label());
		desk.context().close();
	}
}
