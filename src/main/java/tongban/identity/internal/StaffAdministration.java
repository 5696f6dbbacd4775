package tongban.identity.internal;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.audit.AuditTrail;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.web.PasswordForm;
import tongban.identity.web.StaffForm;

/** Platform admins create staff accounts (initial password and TOTP secret shown once); anyone changes their password. */
@Service
public class StaffAdministration {

	public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.COUNTER_CLERK, Role.APPROVER, Role.DEPT_ADMIN,
			Role.PLATFORM_ADMIN, Role.SUPERVISOR, Role.HOTLINE_OPERATOR, Role.INFO_EDITOR, Role.INFO_REVIEWER,
			Role.DISCLOSURE_OFFICER, Role.LEADER);
	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final AccountRepository accounts;
	private final DirectoryManagement directory;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final SecureRandom random = new SecureRandom();

	StaffAdministration(AccountRepository accounts, DirectoryManagement directory, PasswordEncoder encoder,
			PasswordPolicy policy, JdbcClient jdbc, AuditTrail audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.directory = directory;
		this.encoder = encoder;
		this.policy = policy;
		this.jdbc = jdbc;
	}

	public record Created(String username, String initialPassword, String totpSecret, String totpUri, UUID accountId) {
	}

	public record Listed(String username, String displayName, String department, String roles) {
	}

	private record Row(String username, String displayName, UUID departmentId, String roles) {
	}

	/** Every staff account, newest first, with its department's name (the directory asked once for all of them). */
	@Transactional(readOnly = true)
	public List<Listed> list() {
		Map<UUID, String> departmentNames = directory.departments().stream().collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
		return jdbc.sql("select username, display_name, department_id, roles from identity_account where kind = 'STAFF' order by created_at desc")
			.query(Row.class)
			.list()
			.stream()
			.map(row -> new Listed(row.username(), row.displayName(),
					row.departmentId() == null ? "" : departmentNames.getOrDefault(row.departmentId(), ""), row.roles()))
			.toList();
	}

	/** Creates a staff account; {@code createdBy} (the admin's account id) is named in the audit trail. */
	@Transactional
	public Created create(StaffForm form, Errors errors, String createdBy) {
		return create(form, null, createdBy, errors);
	}

	/**
	 * Creates a staff account after the checks of the console's form (errors as field errors, then null), scoped to
	 * {@code regionScope} (null: the department's region); {@code enrolledBy} names who did it in the audit trail.
	 */
	@Transactional
	public Created create(StaffForm form, String regionScope, String enrolledBy, Errors errors) {
		String username = form.username() == null ? "" : form.username().strip().toLowerCase();
		if (!username.matches("[a-z][a-z0-9._-]{2,39}")) {
			errors.rejectValue("username", "staff.error.username");
		}
		else if (accounts.findByUsername(username).isPresent()) {
			errors.rejectValue("username", "staff.error.username.taken");
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (!name.matches(CitizenRegistration.NAME_PATTERN)) {
			errors.rejectValue("name", "register.error.name.format");
		}
		DepartmentView department = form.departmentCode() == null ? null
				: directory.departmentByCode(form.departmentCode()).orElse(null);
		if (department == null) {
			errors.rejectValue("departmentCode", "staff.error.department");
		}
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		for (String r : form.roles() == null ? List.<String>of() : form.roles()) {
			STAFF_ROLES.stream().filter(x -> x.name().equals(r)).forEach(roles::add);
		}
		if (roles.isEmpty()) {
			errors.rejectValue("roles", "staff.error.roles");
		}
		if (errors.hasErrors()) {
			return null;
		}
		String password = randomPassword();
		String secret = Totp.newSecret();
		Account account = accounts.save(Account.staff(username, name, encoder.encode(password), secret, department.id(),
				regionScope == null ? department.regionCode() : regionScope, roles));
		audit.record(AuditTrail.ROLE_CHANGE, enrolledBy, "staff:" + username, "created in " + department.code() + " with " + roles);
		return new Created(username, password, secret, Totp.uri("Tongban", username, secret), account.id());
	}

	/** Changes the password after checking the current one; a wrong current password counts as a failure. */
	@Transactional
	public boolean changePassword(UUID accountId, PasswordForm form, Errors errors) {
		Account a = accounts.findById(accountId).orElseThrow();
		if (form.current() == null || !encoder.matches(form.current(), a.passwordHash())) {
			errors.rejectValue("current", "password.error.current");
		}
		policy.check(form.password(), a.idNumber(), a.mobile(), a.username())
			.ifPresent(code -> errors.rejectValue("password", code, new Object[] { PasswordPolicy.MIN }, null));
		if (form.password() != null && !form.password().equals(form.passwordConfirm())) {
			errors.rejectValue("passwordConfirm", "password.error.mismatch");
		}
		if (errors.hasErrors()) {
			return false;
		}
		a.changePassword(encoder.encode(form.password()));
		return true;
	}

	private String randomPassword() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return sb.toString();
	}
}
