package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import tongban.identity.Role;
import tongban.identity.Representation;
import tongban.shared.Masking;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * 办结件与办件查询: an approver sees the department's finished cases newest first with applicants' names masked, finds
 * a case by its number, by the applicant's full name (each case found so recorded as a read of personal data) and by
 * item, opens it masked and reveals it (recorded); another department's case and a case outside the staff member's
 * region are not found.
 */
class CaseRecordsJourneyIT extends JourneyTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Autowired
	Representation companies;

	@Test
	void finishedCasesAndSearchWithinTheDepartmentAndRegion() {
		Citizen applicant = newCitizen("查询" + "甲乙丙丁戊己庚辛".charAt((int) (System.nanoTime() % 8)) + "办", 2);
		CaseId older = TestCases.submittedSocialSecurityCard(applying, applicant);
		handling.refuse(older, "审批人", "材料不齐");
		CaseId newer = TestCases.submittedSocialSecurityCard(applying, applicant);
		handling.refuse(newer, "审批人", "不属于本部门职权");
		CaseId elsewhere = TestCases.submittedFoodLicence(applying, companies, applicant, "91330106MA2CD7E8X7", "别的部门的饭店").caseId();
		handling.refuse(elsewhere, "审批人", "材料不齐");
		String olderNumber = number(older), newerNumber = number(newer), elsewhereNumber = number(elsewhere);

		Staff approver = newStaff("XH-RLSB", Role.APPROVER, "查询审批");
		login().open().signIn(approver.username(), approver.password()).totp(approver.totpCode());
		page.navigate(base() + "/workbench");
		page.getByTestId("records-link").click();
		String finished = page.getByTestId("records-finished").innerText();
		assertThat(finished).contains(olderNumber, newerNumber).doesNotContain(elsewhereNumber).doesNotContain(applicant.name())
			.contains(Masking.name(applicant.name()));
		assertThat(finished.indexOf(newerNumber)).as("newest first").isLessThan(finished.indexOf(olderNumber));
		accessible();

		search(page, newerNumber);
		assertThat(page.getByTestId("records-found").innerText()).contains(newerNumber).doesNotContain(olderNumber);
		search(page, elsewhereNumber);
		assertThat(page.getByTestId("records-none").isVisible()).as("another department's case").isTrue();
		search(page, "社会保障卡");
		assertThat(page.getByTestId("records-found").innerText()).contains(newerNumber);
		assertThat(reads(older)).isZero();
		search(page, applicant.name());
		assertThat(page.getByTestId("records-found").innerText()).contains(olderNumber, newerNumber).doesNotContain(applicant.name());
		assertThat(reads(older)).as("a search by name is recorded for each case it finds").isEqualTo(1);
		assertThat(reads(newer)).isEqualTo(1);
		accessible();

		page.getByTestId("records-found").getByText(olderNumber).click();
		assertThat(page.getByTestId("record-applicant").innerText()).isEqualTo(Masking.name(applicant.name()));
		assertThat(page.getByTestId("record-history").innerText()).contains("材料不齐");
		accessible();
		// issue 23 §2: no stated purpose, no reveal (个人信息保护法 Art. 28)
		page.getByTestId("reveal-personal").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请选择查看完整信息的目的");
		assertThat(page.getByTestId("record-applicant").innerText()).isEqualTo(Masking.name(applicant.name()));
		page.getByTestId("reveal-purpose").selectOption("CHECK_IDENTITY");
		page.getByTestId("reveal-personal").click();
		assertThat(page.getByTestId("record-applicant").innerText()).isEqualTo(applicant.name());
		assertThat(jdbc.sql("select detail from audit_entry where kind = 'DATA_REVEAL' and subject = ?").param("case:" + older)
			.query(String.class).list()).singleElement().asString().endsWith("for CHECK_IDENTITY");

		Staff otherRegion = newStaff("XH-RLSB", "330105", Role.APPROVER, "外区审批");
		Page outside = staffPage(otherRegion);
		outside.navigate(base() + "/workbench/cases?q=" + newerNumber);
		assertThat(outside.getByTestId("records-none").isVisible()).as("a case outside the staff member's region").isTrue();
		assertThat(outside.navigate(base() + "/workbench/cases/" + newer).status()).isEqualTo(404);
		outside.context().close();
	}

	private void search(Page on, String words) {
		on.locator("#q").fill(words);
		on.getByTestId("records-search-go").click();
	}

	private String number(CaseId id) {
		return jdbc.sql("select case_number from casework_case where id = ?").param(id.value()).query(String.class).single();
	}

	private long reads(CaseId id) {
		return jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ' and subject = ?").param("case:" + id).query(Long.class).single();
	}
}
