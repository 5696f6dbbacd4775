package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tongban.approval.ApprovalManagement;
import tongban.casework.CaseId;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * 更正 (个人信息保护法 Art. 46): a request to correct the population register goes as a case to the department that
 * keeps it (公安, the resource's provider in the exchange catalogue), whose decision the person then reads in the
 * privacy centre; data the platform does not hold, an unknown field and control characters are refused at the field.
 */
class CorrectionRequestIT extends IntegrationTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	CorrectionRequests corrections;

	private FormSession signedIn(Citizen c) {
		FormSession session = new FormSession("http://localhost:" + port);
		session.signIn(c.idNumber(), PASSWORD);
		session.get("/account/privacy");
		return session;
	}

	private ApprovalManagement.TaskView task(StaffMember staff, CaseId caseId, String key) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
				() -> approval.inbox(staff).stream().filter(t -> t.caseId().equals(caseId) && t.taskKey().equals(key)).findFirst().orElse(null),
				t -> t != null);
	}

	@Test
	void theRequestReachesTheRegistersDepartmentAndItsAnswerIsShown() {
		Citizen c = people.citizen("更正测试", 2);
		catalogue.putRecord("XH-GA-RK", c.idNumber(), Map.of("name", c.name(), "idNumber", c.idNumber(), "householdAddress", "杭州市西湖区文一路 1 号"));
		FormSession session = signedIn(c);

		var sent = session.post("/account/privacy/corrections", "target", "XH-GA-RK/householdAddress", "corrected", "杭州市西湖区文一路 11 号",
				"reason", "门牌号登记错误");

		assertThat(sent.statusCode()).isEqualTo(302);
		var request = corrections.of(tongban.support.TestCases.actor(c)).getFirst();
		assertThat(request.department()).contains("公安");
		assertThat(request.caseNumber()).isNotBlank();
		CaseId caseId = new CaseId(jdbc.sql("select case_id from privacy_correction where account_id = ?").param(c.id())
			.query(java.util.UUID.class).single());
		People.Staff account = people.staff("XH-GA", Role.APPROVER, "户籍民警");
		StaffMember police = new StaffMember(account.id(), account.displayName(), "XH-GA", null, Set.of(Role.APPROVER));
		ApprovalManagement.TaskView accept = task(police, caseId, "accept");
		assertThat(accept.caseNumber()).as("the department's staff has it in their inbox").isEqualTo(request.caseNumber());
		approval.complete(police, accept.taskId(), ApprovalManagement.Decision.of("accept", "", Map.of()));
		approval.complete(police, task(police, caseId, "review").taskId(), ApprovalManagement.Decision.of("", "核实门牌号", Map.of()));
		approval.complete(police, task(police, caseId, "decide").taskId(), ApprovalManagement.Decision.of("approve", "已将户籍地址更正为文一路 11 号", Map.of()));

		String page = session.get("/account/privacy").body();
		assertThat(page).contains(request.caseNumber()).contains("已将户籍地址更正为文一路 11 号");
	}

	@Test
	void dataThePlatformDoesNotHoldIsRefusedBesideTheField() {
		Citizen c = people.citizen("无婚姻登记", 2);
		FormSession session = signedIn(c);

		var refused = session.post("/account/privacy/corrections", "target", "XH-MZ-HY/maritalStatus", "corrected", "已婚", "reason", "已登记结婚");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<title>错误：").contains("data-testid=\"target-error\"")
			.contains("平台没有保存您在“婚姻登记信息”中的信息，无法更正");
		assertThat(jdbc.sql("select count(*) from privacy_correction where account_id = ?").param(c.id()).query(Long.class).single()).isZero();
	}

	@Test
	void anUnknownFieldAndEmptyValuesAreRefusedAndControlCharactersNamed() {
		Citizen c = people.citizen("乱填更正", 2);
		FormSession session = signedIn(c);

		var unknown = session.post("/account/privacy/corrections", "target", "XH-GA-RK/password", "corrected", "", "reason", "");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("请选择需要更正的信息").contains("请填写正确的内容，最多 200 字").contains("请填写更正理由，最多 500 字");

		var nul = session.post("/account/privacy/corrections", "target", "XH-GA-RK/name", "corrected", "张\u0000三", "reason", "错字");
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("corrected");
	}
}
