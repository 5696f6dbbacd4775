package tongban.support;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import tongban.identity.AccountEnrolment;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.identity.Role;
import tongban.shared.IdNumber;

/**
 * Staff and citizens of a test's own, made through the identity module's public API ({@link AccountEnrolment}) the way
 * the staff console and an established identity make them, never through identity's tables or internals. A JUnit
 * extension over the Spring context of the test class: {@link IntegrationTest} registers one, so every *IT has it.
 */
public final class People implements BeforeAllCallback, BeforeEachCallback {

	/** The password every test citizen chooses (staff get the console's generated initial password). */
	public static final String PASSWORD = "Qiantang-2026-tide";

	/** Who enrols them, in the audit trail. */
	private static final String ENROLLED_BY = "test-fixture";

	private ApplicationContext context;

	/** A member of staff as the console hands them over: initial password and TOTP secret, for signing in. */
	public record Staff(UUID id, String username, String displayName, String departmentCode, String password, String totpSecret) {

		/** The code their authenticator app shows now. */
		public String totpCode() {
			return totpCode(Instant.now());
		}

		/** The code their authenticator app shows at {@code at}. */
		public String totpCode(Instant at) {
			return Authenticator.code(totpSecret, at);
		}
	}

	@Override
	public void beforeAll(ExtensionContext extension) {
		context = SpringExtension.getApplicationContext(extension);
	}

	@Override
	public void beforeEach(ExtensionContext extension) {
		context = SpringExtension.getApplicationContext(extension);
	}

	/** A new member of staff of a department with one role, scoped to the department's region. */
	public Staff staff(String departmentCode, Role role, String name) {
		return staff(departmentCode, null, EnumSet.of(role), name);
	}

	/** A new member of staff of a department with these roles, scoped to {@code regionScope} (null: the department's region). */
	public Staff staff(String departmentCode, String regionScope, Set<Role> roles, String name) {
		String username = roles.iterator().next().name().toLowerCase(Locale.ROOT).replace('_', '-') + System.nanoTime();
		var enrolled = bean(AccountEnrolment.class)
			.enrolStaff(new AccountEnrolment.NewStaff(username, name, departmentCode, regionScope, roles), ENROLLED_BY);
		return new Staff(enrolled.id(), enrolled.username(), enrolled.name(), departmentCode, enrolled.initialPassword(), enrolled.totpSecret());
	}

	/** A new citizen of their own at this level of assurance (1–3), with a fresh ID number and mobile and {@link #PASSWORD}. */
	public IntegrationTest.Citizen citizen(String name, int level) {
		String id = TestPeople.idNumber();
		while (bean(IdentityManagement.class).citizenByIdNumber(id).isPresent()) {
			id = TestPeople.idNumber();
		}
		String mobile = TestPeople.mobile();
		UUID account = bean(AccountEnrolment.class).enrolCitizen(name, new IdNumber(id), mobile, PASSWORD, level);
		return new IntegrationTest.Citizen(name, id, mobile, account);
	}

	/**
	 * The member of staff as they act after signing in with their password and TOTP code (what {@code @CurrentStaff}
	 * gives a page): the identity module's view of them with the second factor confirmed.
	 */
	public StaffMember signedIn(Staff member) {
		return bean(IdentityManagement.class).staffMember(member.id()).orElseThrow().withSecondFactor(true);
	}

	private <T> T bean(Class<T> type) {
		if (context == null) {
			throw new IllegalStateException("People is used before JUnit started the test class");
		}
		return context.getBean(type);
	}
}
