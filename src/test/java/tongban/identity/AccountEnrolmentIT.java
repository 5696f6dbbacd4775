package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * Identity's public way to open accounts and grants for others keeps the rules of its pages: what the staff console
 * refuses, what registration refuses, and a grant to nobody the platform knows.
 */
class AccountEnrolmentIT extends IntegrationTest {

	@Autowired
	AccountEnrolment enrolment;

	@Autowired
	Representation representation;

	@Autowired
	IdentityManagement identity;

	@Test
	void staffAreEnrolledAsTheConsoleDoesAndRefusedWhereItRefuses() {
		var enrolled = enrolment.enrolStaff(new AccountEnrolment.NewStaff("enrol" + System.nanoTime(), "登记审批员", "XH-RLSB", "330105",
				EnumSet.of(Role.APPROVER)), "test");
		assertThat(identity.staffMember(enrolled.id())).hasValueSatisfying(member -> {
			assertThat(member.departmentCode()).isEqualTo("XH-RLSB");
			assertThat(member.regionScope()).isEqualTo("330105");
			assertThat(member.roles()).containsExactly(Role.APPROVER);
		});
		assertThat(enrolled.initialPassword()).hasSize(16);
		assertThat(enrolled.totpSecret()).matches("[A-Z2-7]{32}");

		assertThat(catchThrowableOfType(DomainException.class, () -> enrolment.enrolStaff(new AccountEnrolment.NewStaff(enrolled.username(),
				"登记审批员", "XH-NOWHERE", "3301", Set.of(Role.CITIZEN)), "test")).getMessage())
			.contains("staff.error.username.taken", "staff.error.department", "staff.error.roles", "staff.error.region");
	}

	@Test
	void citizensAreEnrolledUnderTheRegistrationRules() {
		String id = TestPeople.idNumber();
		String mobile = TestPeople.mobile();
		assertThat(catchThrowableOfType(DomainException.class,
				() -> enrolment.enrolCitizen("登记市民", new IdNumber(id), mobile, "12345678", 2)).code()).isEqualTo("citizen-refused");
		assertThat(catchThrowableOfType(DomainException.class,
				() -> enrolment.enrolCitizen("登记市民2", new IdNumber(id), mobile, PASSWORD, 2)).code()).isEqualTo("citizen-refused");
		assertThat(catchThrowableOfType(DomainException.class,
				() -> enrolment.enrolCitizen("登记市民", new IdNumber(id), mobile, PASSWORD, 4)).code()).isEqualTo("citizen-refused");
		var account = enrolment.enrolCitizen("登记市民", new IdNumber(id), mobile, PASSWORD, 2);
		assertThat(identity.citizenByIdNumber(id)).hasValueSatisfying(summary -> {
			assertThat(summary.id()).isEqualTo(account);
			assertThat(summary.assuranceLevel()).isEqualTo(2);
		});
		assertThat(catchThrowableOfType(DomainException.class,
				() -> enrolment.enrolCitizen("登记市民", new IdNumber(id), TestPeople.mobile(), PASSWORD, 2)).code()).isEqualTo("citizen-exists");

		assertThat(catchThrowableOfType(DomainException.class, () -> representation.grantProxy(account, "无此人", TestPeople.idNumber(), "社会保障卡申领",
				LocalDate.now().plusMonths(1))).getMessage()).contains("grant.error.nobody");
	}
}
