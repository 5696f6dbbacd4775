package tongban.hall.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import tongban.directory.ServicePoints;
import tongban.shared.WorkingCalendars;
import tongban.support.Browser;
import tongban.support.JourneyTest;

/**
 * A kiosk on a kiosk-sized screen: the browser enrols with the code the admin got, a citizen signs in by (the demo)
 * ID card, takes a number whose receipt is printed, walks away, and 60 s later the kiosk is back at its start page with
 * nothing of the person left, on the screen or on the server.
 */
class KioskJourneyIT extends JourneyTest {

	@Autowired
	Kiosks kiosks;

	@Autowired
	KioskPrints prints;

	@Autowired
	ServicePoints points;

	@Autowired
	WorkingCalendars calendars;

	@Test
	void enrolSignInTakeANumberAndWalkAway() throws IOException {
		LocalDate day = LocalDate.now().plusDays(95 + (int) Math.floorMod(System.nanoTime(), 20L));
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		LocalDateTime opened = LocalDateTime.of(day, LocalTime.of(10, 0));
		clock.set(opened);
		ServicePoints.ServicePoint point = points.pointByCode("XH-BM-XX").orElseThrow();
		Kiosks.Registered registered = kiosks.register("西溪终端 旅程", point.id(), "西溪凭条打印机", "journey");
		Citizen citizen = newCitizen("鲁自助", 2);

		BrowserContext kioskScreen = Browser.newContext(1080, 1920);
		Page kiosk = kioskScreen.newPage();
		kiosk.setDefaultTimeout(15_000);
		kiosk.clock().install();
		kiosk.navigate(base() + "/kiosk");
		assertThat(kiosk.getByTestId("kiosk-refused").isVisible()).isTrue();
		kiosk.getByTestId("kiosk-enrol-link").click();
		kiosk.locator("#code").fill(registered.enrolmentCode());
		kiosk.getByTestId("kiosk-enrol").click();
		assertThat(kiosk.getByTestId("kiosk-point").textContent()).isEqualTo(point.name());

		kiosk.getByTestId("kiosk-card").click();
		kiosk.locator("#idNumber").fill(citizen.idNumber());
		kiosk.locator("#name").fill(citizen.name());
		kiosk.getByTestId("kiosk-card-submit").click();
		assertThat(kiosk.getByTestId("kiosk-person").textContent()).contains("鲁自助").doesNotContain(citizen.idNumber());
		page = kiosk;
		accessible();
		double height = kiosk.getByTestId("kiosk-take-number").boundingBox().height;
		assertThat(height).as("big targets").isGreaterThanOrEqualTo(64);

		kiosk.getByTestId("kiosk-take-number").click();
		kiosk.getByTestId("kiosk-series-A").click();
		String label = kiosk.getByTestId("kiosk-ticket").textContent();
		assertThat(label).matches("A\\d{3}");
		assertThat(kiosk.getByTestId("kiosk-printed").isVisible()).isTrue();
		KioskPrints.PrintJob receipt = prints.jobs(100).stream().filter(j -> j.title().equals("取号凭条 " + label)
				&& kiosks.kiosk(j.kioskId()).orElseThrow().name().equals("西溪终端 旅程")).findFirst().orElseThrow();
		try (var pdf = Loader.loadPDF(Files.readAllBytes(Path.of(receipt.location())))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(label).contains(point.name());
		}
		assertThat(kiosk.getByTestId("kiosk-idle").isHidden()).isTrue();

		// the person walks away: the page warns, then goes back to the start, and the server has dropped them
		kiosk.clock().fastForward(50_000);
		kiosk.getByTestId("kiosk-idle").waitFor();
		assertThat(kiosk.getByTestId("kiosk-idle").textContent()).contains("即将退出");
		clock.set(opened.plusSeconds(61));
		kiosk.clock().fastForward(11_000);
		kiosk.waitForURL(url -> url.endsWith("/kiosk"));
		assertThat(kiosk.getByTestId("kiosk-start").textContent()).isEqualTo("欢迎使用自助终端");
		assertThat(kiosk.getByTestId("kiosk-person").count()).isZero();
		assertThat(kiosk.content()).doesNotContain("鲁自助").doesNotContain(label);
		Kiosk registeredKiosk = kiosks.kiosk(registered.kiosk().id()).orElseThrow();
		assertThat(jdbc.sql("select count(*) from hall_kiosk_session where kiosk_id = ?").param(registeredKiosk.id()).query(Long.class).single())
			.isZero();
		kioskScreen.close();
	}
}
