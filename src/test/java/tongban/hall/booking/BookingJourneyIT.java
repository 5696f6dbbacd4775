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

import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.identity.Role;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People;

/**
 * 预约 in Chromium: a citizen books 食品经营许可（新办） at the district hall on a phone-sized screen (asked again for a
 * slot when none is chosen), gets the booking code; the SMS is in the demo outbox; on the day, the clerk at a window of
 * the hall checks them in by the code, and the queue number appears for the clerk and on the citizen's booking.
 */
class BookingJourneyIT extends JourneyTest {

	static final String FOOD = "330106-XK-0001-01";

	@Autowired
	ServicePoints points;

	@Autowired
	WindowStaff windowStaff;

	@Test
	void aCitizenBooksGetsTheSmsAndIsCheckedInByTheCode() {
		ServicePoints.ServicePoint hall = points.pointByCode("XH-ZWFW-DT").orElseThrow();
		People.Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "预约窗口");
		windowStaff.assign(points.windowsServing(hall.id(), FOOD).get(2).id(), clerk.id());
		People.Staff admin = newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "短信管理");
		Citizen citizen = newCitizen("预约市民", 2);

		Page person = citizenPage(citizen);
		person.navigate(base() + "/account/bookings/new?item=" + FOOD);
		assertThat(person.getByTestId("booking-item").innerText()).contains("食品经营许可");
		person.locator("label[for='point-XH-ZWFW-DT']").click();
		person.getByTestId("choose-point").click();
		person.locator("#day input[type=radio]").first().check();
		String day = person.locator("#day input[type=radio]").first().getAttribute("value");
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
	}
}
