package tongban.hall.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.hall.queue.internal.DisplayBroadcaster;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People;
import tongban.support.TestCases;

/**
 * A visit to the hall, end to end in Chromium (issue 20's first done-when): a citizen who applied for 食品经营许可（新办）
 * online books a slot at the district hall on a phone-sized screen (asked again for a slot when none is chosen) and
 * gets the booking code; the SMS is in the demo outbox; on the day, the clerk at a window checks them in by the code
 * and the queue number appears for the clerk and on the booking; the clerk calls it and a second browser showing the
 * hall's display page shows the call within a second; the clerk handles the case and closes the visit, which counts
 * the counter visit; the citizen rates the visit from their number's page.
 */
class BookingJourneyIT extends JourneyTest {

	static final String FOOD = "330106-XK-0001-01";

	@Autowired
	ServicePoints points;

	@Autowired
	WindowStaff windowStaff;

	@Autowired
	Applying applying;

	@Autowired
	Representation companies;

	@Autowired
	DisplayBroadcaster displays;

	@Test
	void aCitizenBooksGetsTheSmsAndIsCheckedInByTheCode() {
		ServicePoints.ServicePoint hall = points.pointByCode("XH-ZWFW-DT").orElseThrow();
		People.Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "预约窗口");
		windowStaff.assign(points.windowsServing(hall.id(), FOOD).get(2).id(), clerk.id());
		People.Staff admin = newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "短信管理");
		Citizen citizen = newCitizen("预约市民", 2);
		CaseId filed = TestCases.submittedFoodLicence(applying, companies, citizen, "91330106MA2H3L5Y4T", "预约餐饮店").caseId();

		Page person = citizenPage(citizen);
		person.navigate(base() + "/account/bookings/new?item=" + FOOD);
		assertThat(person.getByTestId("booking-item").innerText()).contains("食品经营许可");
		person.locator("label[for='point-XH-ZWFW-DT']").click();
		person.getByTestId("choose-point").click();
		// the last day offered: the hall's queue of that day is this journey's alone
		person.locator("#day input[type=radio]").last().check();
		String day = person.locator("#day input[type=radio]").last().getAttribute("value");
		person.getByTestId("choose-day").click();
		Accessibility.check(person);

		// no slot chosen: asked again beside the field, nothing booked
		person.getByTestId("confirm-booking").click();
		assertThat(person.title()).startsWith("错误：");
		assertThat(person.getByTestId("error-summary").innerText()).contains("请选择一个时段");
		assertThat(person.getByTestId("slot-error").isVisible()).isTrue();

		person.locator("label[for='slot-09:00']").click();
		person.getByTestId("confirm-booking").click();
		String code = person.getByTestId("booking-code").innerText().strip();
		assertThat(code).matches("[0-9]{8}");
		assertThat(person.getByTestId("booking-status").innerText()).isEqualTo("已预约");
		Accessibility.check(person);

		// the SMS in the demo outbox
		Page console = staffPage(admin);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			console.navigate(base() + "/console/sms-outbox");
			assertThat(console.locator("main").innerText()).contains("预约码" + code);
		});

		// on the day, at the hall: the clerk checks the person in by the code
		Page desk = staffPage(clerk);
		clock.set(LocalDateTime.of(LocalDate.parse(day), LocalTime.of(9, 5)));
		desk.navigate(base() + "/workbench/hall/bookings");
		assertThat(desk.getByTestId("desk-bookings").innerText()).contains(code).contains("预*");
		Accessibility.check(desk);
		desk.locator("#code").fill(code);
		desk.getByTestId("check-in").click();
		String number = desk.getByTestId("desk-queue-number").innerText().strip();
		assertThat(number).matches("A[0-9]{3}");

		person.reload();
		assertThat(person.getByTestId("queue-number").innerText().strip()).isEqualTo(number);
		assertThat(person.getByTestId("booking-status").innerText()).isEqualTo("已报到");
		assertThat(person.getByTestId("queue-number-page").getAttribute("href")).startsWith("/hall/tickets/");

		// the hall's TV, a second browser: the display page of the district hall, connected to its events
		page.navigate(base() + "/hall/points/XH-ZWFW-DT/display");
		await().atMost(Duration.ofSeconds(10)).until(() -> displays.connected(hall.id()) > 0);
		desk.navigate(base() + "/workbench/hall/queue");
		desk.getByTestId("call-next").click();
		assertThat(desk.getByTestId("current").innerText().strip()).as("the booked number is called first").isEqualTo(number);
		PlaywrightAssertions.assertThat(page.getByTestId("display-now"))
			.containsText(number, new LocatorAssertions.ContainsTextOptions().setTimeout(1000));
		PlaywrightAssertions.assertThat(page.getByTestId("announce")).containsText(number);

		// the clerk handles the case the person came for and closes the visit
		desk.getByTestId("start").click();
		desk.locator("#case-" + filed.value()).check();
		desk.getByTestId("close").click();
		assertThat(jdbc.sql("select count(*) from casework_visit where case_id = ?").param(filed.value()).query(Long.class).single())
			.as("the visit counts as the case's counter visit").isOne();

		// the person rates the visit from their number's page
		person.navigate(base() + "/account/queue");
		person.getByTestId("my-tickets").getByText(number).click();
		assertThat(person.getByTestId("ticket-label").innerText().strip()).isEqualTo(number);
		person.getByTestId("ticket-rate").click();
		person.locator("#level-VERY_SATISFIED").check();
		person.getByTestId("submit-rating").click();
		assertThat(person.getByTestId("visit-rated").isVisible()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from feedback_rating r join feedback_visit v on v.id = r.visit_id
				where v.clerk_account_id = ? and r.level = 5""").param(clerk.id()).query(Long.class).single()).isOne();
		desk.context().close();
		console.context().close();
		person.context().close();
	}
}
