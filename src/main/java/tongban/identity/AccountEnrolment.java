package tongban.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.MapBindingResult;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.CitizenRegistration;
import tongban.identity.internal.PasswordPolicy;
import tongban.identity.internal.StaffAdministration;
import tongban.identity.web.StaffForm;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.shared.MobileNumber;

/**
 * Accounts made for people rather than by them, for callers that are not the identity module's own pages (other
 * modules' set-up, data brought over from a predecessor platform, and the test fixtures). A member of staff is enrolled
 * as the platform admin's staff console does it: the same checks, a generated initial password and TOTP secret handed
 * over once, recorded in the audit trail. A citizen whose identity someone has already established is enrolled at the
 * level of assurance that was established (L1–L3), with the password they chose, under the same name, mobile and
 * password rules as self-registration; the SMS code and the privacy consent of self-registration stay on its pages.
 */
@Service
public class AccountEnrolment {

	private final StaffAdministration staff;
	private final AccountRepository accounts;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final DataKeys keys;

	AccountEnrolment(StaffAdministration staff, AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, DataKeys keys) {
		this.staff = staff;
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.keys = keys;
	}

	/** A staff account to open: department by code; {@code regionScope} null for the department's own region. */
	public record NewStaff(String username, String name, String departmentCode, String regionScope, Set<Role> roles) {
	}

	/** The staff account opened, with what is handed to its holder once: the initial password and the TOTP secret. */
	public record EnrolledStaff(UUID id, String username, String name, String initialPassword, String totpSecret) {
	}

	/**
	 * Opens a staff account; {@code enrolledBy} names who did it in the audit trail. Refused ({@code staff-refused}) for
	 * what the staff console refuses: a malformed or taken username, a malformed name, an unknown department, no staff
	 * role; and for a region scope that is not a six-digit division code.
	 */
	@Transactional
	public EnrolledStaff enrolStaff(NewStaff member, String enrolledBy) {
		var errors = new MapBindingResult(new HashMap<>(), "staff");
		if (member.regionScope() != null && !member.regionScope().matches("\\d{6}")) {
			errors.rejectValue("regionScope", "staff.error.region");
		}
		List<String> roles = member.roles() == null ? List.of() : member.roles().stream().map(Role::name).toList();
		var created = staff.create(new StaffForm(member.username(), member.name(), member.departmentCode(), roles), member.regionScope(),
				enrolledBy, errors);
		if (created == null || errors.hasErrors()) {
			throw refused("staff-refused", errors.getAllErrors().stream().map(e -> e.getCode()).collect(Collectors.joining(", ")));
		}
		return new EnrolledStaff(created.accountId(), created.username(), member.name().strip(), created.initialPassword(), created.totpSecret());
	}

	/**
	 * Opens a citizen's account at the level of assurance already established for them (1 to 3). Refused
	 * ({@code citizen-refused}) for a malformed name or mobile, a level outside 1–3 or a password the policy refuses;
	 * {@code citizen-exists} when the ID number or the mobile already has an account.
	 */
	@Transactional
	public UUID enrolCitizen(String name, IdNumber idNumber, String mobile, String password, int assuranceLevel) {
		if (name == null || !name.strip().matches(CitizenRegistration.NAME_PATTERN)) {
			throw refused("citizen-refused", "register.error.name.format");
		}
		if (!MobileNumber.valid(mobile)) {
			throw refused("citizen-refused", "mobile.error.format");
		}
		if (assuranceLevel < 1 || assuranceLevel > 3) {
			throw refused("citizen-refused", "assurance level " + assuranceLevel);
		}
		policy.check(password, idNumber.value(), mobile.strip()).ifPresent(code -> {
			throw refused("citizen-refused", code);
		});
		if (accounts.existsByIdNumberIndex(keys.blindIndex(idNumber.value())) || accounts.existsByMobileIndex(keys.blindIndex(mobile.strip()))) {
			throw new DomainException(DomainException.Kind.CONFLICT, "citizen-exists", "an account with this ID number or mobile exists");
		}
		return accounts.save(Account.citizen(name.strip(), idNumber, mobile.strip(), encoder.encode(password), assuranceLevel)).id();
	}

	private static DomainException refused(String code, String why) {
		return new DomainException(DomainException.Kind.INVALID, code, code + ": " + why);
	}
}
