package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.PdfText;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.Poppler;

/**
 * Issue 17's disclosure journey: a citizen files a request on a phone; the department's officer asks a 补正 (the clock
 * stops, and once answered the due date moves by the working days it stood), the citizen answers, the officer asks for
 * the one extension and the head approves it (the due date moves again), the officer answers 部分公开 with the
 * information and a sealed 告知书, which the citizen downloads and pdfsig verifies; the year's annual report counts it in
 * the 部分公开 row.
 */
class DisclosureJourneyIT extends JourneyTest {

	@Autowired
	WorkingCalendars calendars;

	private String cell(Page p, String row, int column) {
		return p.locator("[data-testid=report-requests] tr[data-row=" + row + "] td").nth(column).innerText().strip();
	}

	private LocalDate due(Page p) {
		return LocalDate.parse(p.getByTestId("disclosure-due").innerText().strip());
	}

	@Test
	void aCitizenGetsAPartlyDisclosedAnswerWithASealedNoticeCountedInTheReport() throws Exception {
		int year = LocalDate.now(Clocks.ZONE).getYear();
		String report = base() + "/openness/XH-SCJG/annual-report/" + year;
		page.navigate(base() + "/departments/XH-SCJG");
		page.getByTestId("annual-report-link").click();
		page.locator("[data-testid=report-years] a").first().click();
		assertThat(page.url()).isEqualTo(report);
		int partlyBefore = Integer.parseInt(cell(page, "PARTLY_DISCLOSED", 0));
		accessible();

		// the citizen files, first forgetting the department
		Citizen me = newCitizen("公开申请人", 2);
		Page person = citizenPage(me);
		person.navigate(base() + "/account");
		person.getByTestId("my-disclosure-link").click();
		person.getByTestId("new-disclosure").click();
		person.locator("#description").fill("2026年西湖区小餐饮店食品安全检查结果（文三路街道）");
		person.locator("#form-DOWNLOAD").check();
		person.getByTestId("disclosure-submit").click();
		assertThat(person.title()).startsWith("错误：");
		assertThat(person.getByTestId("error-summary").innerText()).contains("请选择受理申请的部门");
		assertThat(person.locator("#description").inputValue()).contains("小餐饮店");
		Accessibility.check(person);
		person.locator("#departmentCode").selectOption("XH-SCJG");
		person.getByTestId("disclosure-submit").click();
		assertThat(person.getByTestId("disclosure-filed").innerText()).contains("YSQ");
		String number = person.getByTestId("disclosure-number").innerText().strip();
		Accessibility.check(person);

		// three working days pass before the officer reads it (the request is dated back, as the calendar would have it)
		WorkingCalendar calendar = calendars.current();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate received = today;
		while (calendar.workingDaysBetween(received, today) < 3) {
			received = received.minusDays(1);
		}
		jdbc.sql("update openness_disclosure_request set received_on = ?, received_at = received_at - make_interval(days => ?) where number = ?")
			.params(received, (int) (today.toEpochDay() - received.toEpochDay()), number)
			.update();
		person.reload();
		LocalDate firstDue = due(person);
		assertThat(firstDue).isEqualTo(calendar.addWorkingDays(received, 20));

		// the officer asks a 补正: the clock stops
		Staff officer = newStaff("XH-SCJG", Role.DISCLOSURE_OFFICER, "罗经办");
		Page desk = staffPage(officer);
		desk.navigate(base() + "/workbench");
		desk.getByTestId("disclosure-link").click();
		desk.locator("[data-testid=disclosure-queue] tr[data-number='" + number + "'] a").click();
		Accessibility.check(desk);
		desk.locator("#note").fill("请写明需要哪一个月份的检查结果");
		desk.getByTestId("supplement-send").click();
		assertThat(desk.getByTestId("banner").innerText()).contains("已告知补正");
		person.reload();
		assertThat(person.getByTestId("disclosure-status").innerText()).contains("待补正").contains("暂停");

		// the citizen answers: the period runs from today, so the due date moves by the three working days
		person.locator("#answer").fill("2026年11月的检查结果");
		person.getByTestId("supplement-send").click();
		assertThat(person.getByTestId("banner").innerText()).contains("补正已提交");
		LocalDate afterSupplement = due(person);
		assertThat(afterSupplement).isEqualTo(calendar.addWorkingDays(received, 23)).isAfter(firstDue);

		// the officer asks for the one extension, the head approves, the due date moves 10 more working days
		desk.reload();
		desk.locator("#days").fill("10");
		desk.locator("#reason").fill("检查记录分散在各市场监管所，需要汇总核对");
		desk.getByTestId("extension-send").click();
		assertThat(desk.getByTestId("banner").innerText()).contains("等待负责人审批");
		Staff head = newStaff("XH-SCJG", Role.DEPT_ADMIN, "郑负责");
		Page headDesk = staffPage(head);
		headDesk.navigate(base() + "/workbench/disclosure");
		headDesk.locator("[data-testid=disclosure-queue] tr[data-number='" + number + "'] a").click();
		headDesk.getByTestId("extension-approve").click();
		assertThat(headDesk.getByTestId("banner").innerText()).contains("已同意延期");
		person.reload();
		assertThat(due(person)).isEqualTo(calendar.addWorkingDays(afterSupplement, 10));
		assertThat(person.getByTestId("disclosure-files").innerText()).contains("延期答复告知书");

		// the officer answers 部分公开 with the information: a file that is not a PDF is refused at the field first
		desk.reload();
		desk.locator("#outcome").selectOption("PARTLY_DISCLOSED");
		desk.locator("#answer-note").fill("检查结果中经营者负责人的身份证号码和电话属于个人信息，已作区分处理。");
		desk.locator("#files").setInputFiles(new FilePayload("检查结果.pdf", "application/pdf", "not a pdf".getBytes()));
		desk.getByTestId("answer-send").click();
		assertThat(desk.getByTestId("error-summary").innerText()).contains("只能上传 PDF、OFD、JPG 或 PNG 文件");
		byte[] information = PdfText.letter("2026年11月小餐饮店检查结果", number, List.of("　　（已作区分处理）"), "杭州市西湖区市场监督管理局", "2026年12月");
		desk.locator("#outcome").selectOption("PARTLY_DISCLOSED");
		desk.locator("#answer-note").fill("检查结果中经营者负责人的身份证号码和电话属于个人信息，已作区分处理。");
		desk.locator("#files").setInputFiles(new FilePayload("检查结果.pdf", "application/pdf", information));
		desk.getByTestId("answer-send").click();
		assertThat(desk.getByTestId("banner").innerText()).contains("已答复");

		// the citizen downloads the sealed 告知书 and pdfsig verifies the department's seal
		person.reload();
		assertThat(person.getByTestId("disclosure-status").innerText()).contains("已答复").contains("部分公开");
		Download download = person.waitForDownload(() -> person.locator("[data-testid=disclosure-files] a[data-kind=NOTICE_ANSWER]").click());
		byte[] notice = Files.readAllBytes(download.path());
		assertThat(Poppler.signatures(notice)).contains("Signature is Valid.").contains("杭州市西湖区市场监督管理局");
		assertThat(Poppler.text(notice).replaceAll("\\s+", "")).contains("部分公开").contains(number);
		Download provided = person.waitForDownload(() -> person.locator("[data-testid=disclosure-files] a[data-kind=INFORMATION]").click());
		assertThat(Files.readAllBytes(provided.path())).isEqualTo(information);

		// the year's report counts it in the 部分公开 row, column 自然人
		page.navigate(report);
		assertThat(Integer.parseInt(cell(page, "PARTLY_DISCLOSED", 0))).isEqualTo(partlyBefore + 1);
	}
}
