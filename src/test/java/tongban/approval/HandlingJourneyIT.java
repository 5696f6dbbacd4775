package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.shared.Clocks;
import tongban.shared.Masking;
import tongban.shared.WorkingCalendar;
import tongban.support.Mail;
import tongban.support.Poppler;

/**
 * A submitted case runs its item's process: the department's approver finds it in the inbox, asks for a supplement
 * once (every faulty material with its reason), the citizen uploads just that, the approver accepts (a numbered
 * notice), reviews, approves and delivers; the citizen follows each step. Another department's approver sees nothing.
 */
class HandlingJourneyIT extends JourneyTest {

	static final String ITEM = ApplyOnlineJourneyIT.ITEM; // 社会保障卡申领, 区人力社保局 (XH-RLSB), 承诺件

	@Autowired
	DirectoryManagement directory;

	private Staff approver(String department) {
		var dep = directory.departmentByCode(department).orElseThrow();
		return newStaff(dep.code(), Role.APPROVER, "审批员" + department.substring(3));
	}

	/** The process starts after the submission commits: wait until the task shows in the inbox, then open it. */
	private void openTask(Page p, String caseNumber, String step) {
		for (int i = 0; i < 50; i++) {
			p.navigate(base() + "/workbench/tasks");
			var row = p.locator("tr[data-case='" + caseNumber + "']");
			if (row.count() > 0 && row.innerText().contains(step)) {
				row.locator("a").click();
				return;
			}
			p.waitForTimeout(200);
		}
		throw new AssertionError("no " + step + " task for " + caseNumber + ": " + p.content());
	}

	private String submit(Citizen me) {
		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/apply/" + ITEM);
		page.getByTestId("start-application").click();
		page.locator("#v-region").selectOption("330106");
		page.locator("#v-bank").selectOption("中国银行");
		page.locator("#v-delivery").selectOption("窗口领取");
		page.locator("#m-1").setInputFiles(new FilePayload("blurred.png", "image/png", ApplyOnlineJourneyIT.PNG));
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();
		return page.getByTestId("case-number").innerText().strip();
	}

	@Test
	void supplementAcceptReviewApproveDeliver() {
		Citizen me = newCitizen("办件测试", 2);
		String email = "citizen" + System.nanoTime() + "@example.com";
		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/account");
		page.locator("#email").fill("not-an-address");
		page.getByTestId("save-email").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("邮箱格式不正确");
		page.locator("#email").fill(email);
		page.getByTestId("save-email").click();
		assertThat(page.getByTestId("banner").innerText()).contains("通知邮箱已保存");
		header().signOut();
		String number = submit(me);
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> Mail.to(email).stream().anyMatch(m -> m.contains("申请已提交") && m.contains(number)));
		String caseUrl = page.url().replace("?submitted", "");

		Staff other = approver("XH-MZ");
		Page stranger = staffPage(other);
		stranger.navigate(base() + "/workbench/tasks");
		assertThat(stranger.content()).doesNotContain(number);

		Staff rs = approver("XH-RLSB");
		Page staff = staffPage(rs);
		openTask(staff, number, "受理");
		String taskUrl = staff.url();
		// the applicant's phone and ID number are masked until the staff member asks, which is recorded
		assertThat(staff.getByTestId("task-answers").innerText()).contains(Masking.mobile(me.mobile())).doesNotContain(me.mobile())
			.contains("中国银行");
		// and how the applicant's own identity was obtained, with the account's level of assurance
		assertThat(staff.getByTestId("task-answers").innerText()).contains("申请人账号，L2 已与人口库比对");
		assertThat(staff.getByTestId("assurance").innerText()).isEqualTo("L2 已与人口库比对");
		staff.getByTestId("reveal-purpose").selectOption("CONTACT_APPLICANT");
		staff.getByTestId("reveal-personal").click();
		assertThat(staff.getByTestId("task-answers").innerText()).contains(me.mobile());
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_REVEAL' and actor = ?").param("staff:" + rs.id()).query(Long.class)
			.single()).isEqualTo(1);
		staff.navigate(taskUrl);
		// before acceptance the task page shows the same date as the inbox and the applicant: the promised date
		var promised = WorkingCalendar.ofShipped().addWorkingDays(LocalDate.now(Clocks.ZONE), 10);
		assertThat(staff.content()).contains("剩 10 个工作日（" + promised + " 到期）");
		assertThat(stranger.navigate(taskUrl).status()).as("another department's approver").isEqualTo(404);
		accessible();

		assertThat(staff.locator("[data-testid=task-materials] img.material-preview").count()).as("images preview inline").isEqualTo(1);
		staff.getByTestId("claim").click();
		staff.navigate(base() + "/workbench/tasks?mine=1");
		assertThat(staff.getByTestId("inbox").innerText()).as("claimed by me").contains(number);
		staff.navigate(base() + "/workbench/tasks?step=review");
		assertThat(staff.content()).as("not at the review step").doesNotContain(number);
		staff.navigate(taskUrl);
		staff.locator("#decision-supplement").check();
		staff.getByTestId("complete-task").click();
		assertThat(staff.getByTestId("error-summary").innerText()).contains("请勾选需补正的材料");
		staff.locator("#decision-supplement").check();
		staff.locator("#supplement-1").check();
		staff.locator("#reason-1").fill("照片模糊，请上传清晰的彩色证件照");
		staff.getByTestId("complete-task").click();
		assertThat(staff.getByTestId("banner").innerText()).contains("已办理");

		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> Mail.to(email).stream().anyMatch(m -> m.contains("请补正材料") && m.contains("本人近期免冠彩色证件照")));
		page.navigate(caseUrl);
		assertThat(page.getByTestId("case-status").innerText()).isEqualTo("待补正");
		assertThat(page.getByTestId("supplement").innerText()).contains("本人近期免冠彩色证件照").contains("照片模糊");
		page.getByTestId("send-supplement").click();
		assertThat(page.getByTestId("error-summary").innerText()).as("the requested material must come").contains("请上传");
		page.locator("#m-1").setInputFiles(new FilePayload("clear.png", "image/png", ApplyOnlineJourneyIT.PNG));
		page.getByTestId("send-supplement").click();
		assertThat(page.getByTestId("case-status").innerText()).isEqualTo("已提交，待受理");
		accessible();

		openTask(staff, number, "受理");
		staff.locator("#decision-accept").check();
		staff.getByTestId("complete-task").click();
		page.navigate(caseUrl);
		assertThat(page.getByTestId("case-status").innerText()).isEqualTo("已受理");
		assertThat(page.getByTestId("acceptance-no").innerText()).matches("XH-RLSB-受-\\d{4}-\\d{5}");

		openTask(staff, number, "审查");
		staff.getByTestId("complete-task").click();
		assertThat(staff.getByTestId("error-summary").innerText()).as("a review needs an opinion").contains("请填写意见");
		staff.locator("#opinion").fill("材料齐全，符合申领条件");
		staff.getByTestId("complete-task").click();
		openTask(staff, number, "决定");
		staff.locator("#decision-approve").check();
		staff.getByTestId("complete-task").click();
		openTask(staff, number, "送达");
		staff.locator("#opinion").fill("社会保障卡已制作，请到窗口领取");
		staff.getByTestId("complete-task").click();

		page.navigate(caseUrl);
		assertThat(page.getByTestId("case-status").innerText()).isEqualTo("已办结");
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> Mail.to(email).stream().anyMatch(m -> m.contains("已办结")));
		assertThat(Mail.to(email)).as("one e-mail per status change, in order")
			.extracting(m -> m.lines().findFirst().orElse(""))
			.containsExactly("【通办】申请已提交：社会保障卡申领", "【通办】请补正材料：社会保障卡申领", "【通办】已受理：社会保障卡申领",
					"【通办】已准予：社会保障卡申领", "【通办】已办结：社会保障卡申领");
		String mobile = me.mobile();
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lastSms(mobile)).contains("已办结"));
		page.navigate(base() + "/account/messages");
		assertThat(page.getByTestId("messages").innerText()).contains("已受理").contains("受理通知书编号").contains("请补正材料");
		accessible();
		page.navigate(caseUrl);
		var decision = page.request().get(base() + page.getByTestId("document-decision").getAttribute("href"));
		assertThat(decision.status()).isEqualTo(200);
		assertThat(decision.headers().get("content-type")).isEqualTo("application/pdf");
		String letter = Poppler.text(decision.body()).replaceAll("\\s+", "");
		// 社会保障卡申领 is a 公共服务: a notice of the result, not a licensing decision (issue 16 point 5)
		assertThat(letter).contains("办理结果通知书").contains(me.name()).contains(number).contains("社会保障卡申领")
			.doesNotContain("行政许可");
		assertThat(Poppler.fonts(decision.body())).as("the CJK font is embedded").containsPattern("LXGWWenKai.*yes");
		String notice = Poppler.text(page.request().get(base() + page.getByTestId("document-acceptance").getAttribute("href"))
			.body()).replaceAll("\\s+", "");
		assertThat(notice).contains("受理通知书").contains(jdbc.sql("select acceptance_no from casework_case where case_number = ?")
			.param(number).query(String.class).single());
		String supplementNotice = Poppler.text(page.request()
			.get(base() + page.getByTestId("document-supplement").getAttribute("href")).body()).replaceAll("\\s+", "");
		assertThat(supplementNotice).contains("补正材料通知书").contains("本人近期免冠彩色证件照").contains("照片模糊");
		assertThat(page.request().get(caseUrl + "/documents/nonsense").status()).isEqualTo(404);
		assertThat(page.getByTestId("timeline").innerText()).contains("一次性告知补正").contains("提交补正材料").contains("受理")
			.contains("审查意见").contains("准予").contains("送达，办结");
		staff.context().close();
		stranger.context().close();
	}
}
