package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.SamplePdfs;

/**
 * 容缺后补 at the counter: 结婚登记 is accepted without the couple's photo (a deferrable material) on their promise to
 * bring it by a date; a date too far away is refused at the field; the promise shows on the case. The department
 * accepts but cannot grant until the photo arrives; the bride sends it online (a fake picture first, refused at its
 * field), and then the grant goes through.
 */
class CounterDeferralJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	Cases cases;

	@Autowired
	Handling handling;

	@Test
	void aDeferrableMaterialIsPromisedForLater() {
		Citizen bride = newCitizen("周新娘", 2);
		Citizen groom = newCitizen("吴新郎", 2);
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff clerk = newStaff(dep.code(), Role.COUNTER_CLERK, "婚登窗口");
		login().open().signIn(clerk.username(), clerk.password()).totp(clerk.totpCode());
		page.navigate(base() + "/workbench/counter/intake");
		page.locator("#idNumber").fill(bride.idNumber());
		page.locator("#name").fill(bride.name());
		page.getByTestId("identify").click();
		page.locator("#code").selectOption("330106-QR-0006-01");
		page.getByTestId("counter-apply").click();

		LocalDate today = LocalDate.now(Clocks.ZONE);
		page.locator("#v-date").fill(today.plusDays(3).toString());
		page.locator("#v-maleName").fill(groom.name());
		page.locator("#v-maleId").fill(groom.idNumber());
		page.locator("#v-malePhone").fill("13900000001");
		page.locator("#v-femaleName").fill(bride.name());
		page.locator("#v-femaleId").fill(bride.idNumber());
		page.locator("#v-femalePhone").fill("13900000002");
		page.locator("#m-1").setInputFiles(new FilePayload("声明.pdf", "application/pdf", SamplePdfs.blank()));
		page.locator("#defer-2").check();
		page.locator("#deferUntil-2").fill(today.plusDays(90).toString());
		page.getByTestId("continue").click();
		assertThat(page.locator("#m-2-error").innerText()).contains("承诺补交日期须在今天之后 60 天以内");
		accessible();

		page.locator("#defer-2").check();
		page.locator("#deferUntil-2").fill(today.plusDays(7).toString());
		page.getByTestId("continue").click();
		page.getByTestId("submit-case").click();
		assertThat(page.getByTestId("deferred").innerText()).contains("双方近期半身免冠合影照片").contains(today.plusDays(7).toString());
		assertThat(page.getByTestId("timeline").innerText()).contains("容缺受理，承诺后补");
		assertThat(jdbc.sql("select count(*) from casework_deferred d join casework_case c on c.id = d.case_id where c.party_id = ?")
			.param(bride.id()).query(Long.class).single()).isEqualTo(1);
		CaseId id = CaseId.of(jdbc.sql("select id from casework_case where party_id = ? and item_code = '330106-QR-0006-01'")
			.param(bride.id()).query(UUID.class).single());
		// submitted at the window: one measured visit (跑动), the intake
		assertThat(visits(id)).isEqualTo("INTAKE");

		// the department accepts; granting waits for the promised photo
		handling.accept(id, "婚登受理员");
		var mz = directory.departmentByCode("XH-MZ").orElseThrow();
		StaffMember approver = people.signedIn(newStaff(mz.code(), Role.APPROVER, "婚登审批员"));
		assertThat(Assertions.catchThrowableOfType(DomainException.class, () -> handling.decide(id, approver, true, null)))
			.extracting(DomainException::code).isEqualTo("deferred-pending");
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.ACCEPTED);

		// at home, the bride sends the photo online: a file that only claims to be a picture is refused at its field
		Page home = citizenPage(bride);
		home.navigate(base() + "/cases/" + id);
		assertThat(home.getByTestId("deferred").innerText()).contains("承诺于 " + today.plusDays(7) + " 前补交");
		home.locator("#d-2").setInputFiles(new FilePayload("合影.jpg", "image/jpeg", "not a picture at all".getBytes()));
		home.getByTestId("send-deferred").click();
		assertThat(home.getByTestId("deferred-error-summary").innerText()).contains("不是 PDF、JPG、PNG 或 OFD 文件");
		assertThat(cases.deferred(id)).allMatch(Deferred::pending);
		home.locator("#d-2").setInputFiles(new FilePayload("合影.png", "image/png", ApplyOnlineJourneyIT.PNG));
		home.getByTestId("send-deferred").click();
		assertThat(home.getByTestId("banner").innerText()).contains("容缺材料已补交");
		// the day it was sent, read now: a run that crosses midnight in Asia/Shanghai sends it on the next day
		assertThat(home.getByTestId("deferred").innerText()).contains("已于 " + LocalDate.now(Clocks.ZONE) + " 补交");
		assertThat(home.getByTestId("send-deferred").count()).as("nothing left to send").isZero();
		assertThat(home.getByTestId("timeline").innerText()).contains("补交容缺材料");
		assertThat(visits(id)).as("sent from home: no visit").isEqualTo("INTAKE");
		home.context().close();

		assertThat(cases.forStaff(id).orElseThrow().materials()).anyMatch(m -> m.index() == 2 && m.originalName().equals("合影.png"));
		// the grant issues the 结婚证, sealed by a civil-affairs approver signed in with TOTP
		handling.decide(id, approver, true, null);
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.APPROVED);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from licence_licence where case_id = ?")
			.param(id.value()).query(Long.class).single()).as("the 结婚证, issued after the approval commits").isEqualTo(1));
	}

	private String visits(CaseId id) {
		return jdbc.sql("select coalesce(string_agg(kind, ',' order by at), '') from casework_visit where case_id = ?").param(id.value())
			.query(String.class).single();
	}
}
