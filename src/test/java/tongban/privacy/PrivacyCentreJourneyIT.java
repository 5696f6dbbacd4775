package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.exchange.ReadHistory;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.support.JourneyTest;
import tongban.support.People;
import tongban.support.TestCases;
import tongban.support.TestPeople;
import tongban.support.pages.RegisterPage;

/**
 * 隐私中心, in Chromium (issue 23 §1): a resident reads the privacy notice and registers, consenting to it; a case of
 * theirs and a read of their household record exist. They export their data (the ZIP's JSON follows its schemas and
 * holds the case and the read), ask 公安 to correct their household address (公安's staff find it in their inbox and
 * answer it, and the answer is on the centre), are refused closing while a case is handled, then close the account:
 * the statement lists what was kept and why, and signing in is refused.
 */
class PrivacyCentreJourneyIT extends JourneyTest {

	@Autowired
	IdentityManagement identity;

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	ReadHistory readHistory;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	CorrectionRequests corrections;

	/** A resident of the population register (so 公安's register holds them) who has no account yet. */
	private IdentityManagement.RegisteredPerson unregisteredResident() {
		return identity.populationRegister().stream().filter(p -> identity.citizenByIdNumber(p.idNumber()).isEmpty())
			.skip(System.nanoTime() % 50).findFirst().orElseThrow();
	}

	private ApprovalManagement.TaskView task(StaffMember staff, CaseId caseId, String key) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
				() -> approval.inbox(staff).stream().filter(t -> t.caseId().equals(caseId) && t.taskKey().equals(key)).findFirst().orElse(null),
				t -> t != null);
	}

	@Test
	void aCitizenExportsCorrectsAndClosesTheirAccount() throws Exception {
		page.setViewportSize(360, 800);
		page.navigate(base() + "/privacy");
		assertThat(page.locator("h1").innerText()).contains("个人信息处理规则");
		accessible();

		var person = unregisteredResident();
		String mobile = TestPeople.mobile();
		new RegisterPage(page, base()).open().fill(person.name(), person.idNumber(), mobile, PASSWORD, PASSWORD);
		new RegisterPage(page, base()).enterCode(lastSmsCode(mobile));
		assertThat(page.url()).endsWith("/account");
		var account = identity.citizenByIdNumber(person.idNumber()).orElseThrow();
		Citizen me = new Citizen(person.name(), person.idNumber(), mobile, account.id());
		CaseId caseId = TestCases.submittedSocialSecurityCard(applying, me);
		String caseNumber = cases.find(TestCases.actor(me), caseId).orElseThrow().caseNumber();
		readHistory.importReads(List.of(PrivacySupport.readOf(me, "核对社保卡申领人户籍", caseNumber)));

		// export
		page.getByTestId("privacy-centre-link").click();
		assertThat(page.locator("h1").innerText()).isEqualTo("隐私中心");
		accessible();
		page.getByTestId("export-request").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已收到导出申请");
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			page.reload();
			return page.getByTestId("export-download").count() == 1;
		});
		assertThat(page.getByTestId("export-status").innerText()).isEqualTo("可以下载");
		Download download = page.waitForDownload(() -> page.getByTestId("export-download").click());
		Map<String, byte[]> zip = PrivacySupport.unzip(Files.readAllBytes(download.path()));
		assertThat(PrivacySupport.invalidDocuments(zip)).isEmpty();
		assertThat(new String(zip.get("cases.json"), StandardCharsets.UTF_8)).contains(caseNumber).contains("社会保障卡申领");
		assertThat(new String(zip.get("reads.json"), StandardCharsets.UTF_8)).contains("核对社保卡申领人户籍");
		assertThat(new String(zip.get("consents.json"), StandardCharsets.UTF_8)).contains("REGISTRATION");

		// correction, sent to 公安 which keeps the household register
		page.locator("#target").selectOption("XH-GA-RK/householdAddress");
		page.locator("#corrected").fill("浙江省杭州市西湖区文一路 28 号");
		page.locator("#reason").fill("门牌号登记有误");
		page.getByTestId("correction-send").click();
		assertThat(page.getByTestId("banner").innerText()).contains("更正申请已提交");
		var request = corrections.of(TestCases.actor(me)).getFirst();
		assertThat(page.getByTestId("correction-list").innerText()).contains(request.caseNumber()).contains("公安");
		accessible();

		People.Staff police = people.staff("XH-GA", Role.APPROVER, "户籍民警");
		Page desk = staffPage(police);
		desk.navigate(base() + "/workbench/tasks");
		assertThat(desk.content()).as("公安's staff see the request").contains(request.caseNumber());
		desk.context().close();
		StaffMember officer = new StaffMember(police.id(), police.displayName(), "XH-GA", null, Set.of(Role.APPROVER));
		CaseId correctionCase = new CaseId(jdbc.sql("select case_id from privacy_correction where account_id = ?").param(me.id())
			.query(java.util.UUID.class).single());
		approval.complete(officer, task(officer, correctionCase, "accept").taskId(), ApprovalManagement.Decision.of("accept", "", Map.of()));
		approval.complete(officer, task(officer, correctionCase, "review").taskId(), ApprovalManagement.Decision.of("", "已核实", Map.of()));
		approval.complete(officer, task(officer, correctionCase, "decide").taskId(),
				ApprovalManagement.Decision.of("approve", "户籍地址已更正为文一路 28 号", Map.of()));
		approval.complete(officer, task(officer, correctionCase, "deliver").taskId(), ApprovalManagement.Decision.of("", "", Map.of()));
		page.reload();
		assertThat(page.getByTestId("correction-answer").innerText()).contains("户籍地址已更正为文一路 28 号");

		// closing: refused while the 社保卡 case is handled, then closed once it is withdrawn
		page.getByTestId("close-start").click();
		assertThat(page.getByTestId("close-blocking").innerText()).contains(caseNumber);
		accessible();
		applying.withdraw(TestCases.actor(me), caseId, "不再需要");
		page.reload();
		page.getByTestId("close-confirm").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请勾选确认后再注销账号");
		page.locator("#confirmed").check();
		page.getByTestId("close-confirm").click();
		assertThat(page.getByTestId("closed-panel").innerText()).contains("账号已注销");
		assertThat(page.getByTestId("closed-kept").innerText()).contains("已办结办件的记录").contains(request.caseNumber())
			.contains("《中华人民共和国网络安全法》第二十一条").contains("第五十六条");
		accessible();

		login().open().signIn(person.idNumber(), PASSWORD);
		assertThat(page.getByTestId("error-summary").innerText()).contains("该账号已注销，不能登录");
	}
}
