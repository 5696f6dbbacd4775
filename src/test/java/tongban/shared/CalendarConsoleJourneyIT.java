package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A platform admin reads the shipped working-day calendar, computes a due date across National Day, uploads a later
 * year (a faulty file first: every bad line named, nothing changed) and sees due dates in it become certain.
 */
class CalendarConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	WorkingCalendars calendars;

	@Test
	void readComputeAndUploadAYear() throws Exception {
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.PLATFORM_ADMIN, "日历管理员");
		login().open().signIn(admin.username(), admin.password()).totp(admin.totpCode());

		page.navigate(base() + "/console/calendar?year=2026");
		assertThat(page.getByTestId("calendar-years").innerText()).contains("2025").contains("2026");
		assertThat(page.getByTestId("calendar-days").innerText()).contains("2026-10-10").contains("调休上班");
		accessible();
		page.locator("#from").fill("2026-09-29");
		page.locator("#days-n").fill("20");
		page.getByTestId("calc").click();
		assertThat(page.getByTestId("due").innerText()).contains("2026-11-02").doesNotContain("暂定");

		page.navigate(base() + "/console/calendar?year=2027");
		assertThat(page.getByTestId("calendar-years").innerText()).contains("2027").contains("暂定");
		assertThat(page.getByTestId("year-provisional").innerText()).contains("调休上班日要等国务院办公厅发布");
		assertThat(page.getByTestId("calendar-days").innerText()).contains("2027-02-09").contains("春节补假");
		page.locator("#from").fill("2027-02-04");
		page.locator("#days-n").fill("1");
		page.getByTestId("calc").click();
		assertThat(page.getByTestId("due").innerText()).contains("2027-02-11").contains("暂定");

		page.navigate(base() + "/console/calendar?year=2031");
		assertThat(page.getByTestId("year-missing").innerText()).contains("2031 年的节假日安排尚未上传");
		page.locator("#from").fill("2031-09-26");
		page.getByTestId("calc").click();
		assertThat(page.getByTestId("due").innerText()).contains("暂定");

		Path bad = Files.createTempFile("cal", ".csv");
		Files.writeString(bad, "date,kind,name\n2031-10-01,HOLIDAY,国庆节\n2031-10-32,HOLIDAY,国庆节\n2031-10-08,WORKDAY,调休\n",
				StandardCharsets.UTF_8);
		page.locator("#uploadYear").fill("2031");
		page.locator("#file").setInputFiles(bad);
		page.getByTestId("upload-calendar").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").innerText()).contains("第 3 行：日期无效").contains("第 4 行：调休上班日须是周六或周日");
		assertThat(calendars.current().covers(2031)).as("nothing loaded").isFalse();
		accessible();

		Path good = Files.createTempFile("cal", ".csv");
		Files.writeString(good, "# 2031 test arrangement\ndate,kind,name\n2031-10-01,HOLIDAY,国庆节\n2031-10-02,HOLIDAY,国庆节\n"
				+ "2031-10-03,HOLIDAY,国庆节\n2031-10-06,HOLIDAY,国庆节\n2031-10-07,HOLIDAY,国庆节\n2031-09-28,WORKDAY,国庆节\n",
				StandardCharsets.UTF_8);
		page.locator("#uploadYear").fill("2031");
		page.locator("#file").setInputFiles(good);
		page.getByTestId("upload-calendar").click();
		assertThat(page.getByTestId("banner").innerText()).contains("年度安排已更新");
		assertThat(page.getByTestId("calendar-days").innerText()).contains("2031-09-28");
		assertThat(calendars.current().isWorkingDay(java.time.LocalDate.parse("2031-09-28"))).as("a Sunday made a working day").isTrue();
		assertThat(calendars.current().isWorkingDay(java.time.LocalDate.parse("2031-10-06"))).isFalse();
	}
}
