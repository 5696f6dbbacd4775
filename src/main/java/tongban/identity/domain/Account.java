package tongban.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import tongban.identity.Role;
import tongban.shared.DataKeys;
import tongban.shared.EncryptedText;
import tongban.shared.IdNumber;

/** A person's account: a citizen (signs in with ID number or mobile) or a staff member (username + TOTP). */
@Entity
@Table(name = "identity_account")
@EntityListeners(AccountIndexes.class)
public class Account {

	@Id
	private UUID id;
	@Enumerated(EnumType.STRING)
	private AccountKind kind;
	private String displayName;
	@Convert(converter = EncryptedText.class)
	@Column(name = "id_number_enc")
	private String idNumber;
	@Column(name = "id_number_index")
	private String idNumberIndex;
	@Convert(converter = EncryptedText.class)
	@Column(name = "mobile_enc")
	private String mobile;
	@Column(name = "mobile_index")
	private String mobileIndex;
	private String email;
	private String username;
	private String passwordHash;
	private int assuranceLevel;
	@Convert(converter = EncryptedText.class)
	private String totpSecret;
	private UUID departmentId;
	private String regionScope;
	private String roles;
	private int failedAttempts;
	private int lockCount;
	private Instant lockedUntil;
	private Instant createdAt;
	private Instant closedAt;
	@Version
	private long version;

	protected Account() {
	}

	public static Account citizen(String name, IdNumber idNumber, String mobile, String passwordHash, int level) {
		Account a = new Account();
		a.id = UUID.randomUUID();
		a.kind = AccountKind.CITIZEN;
		a.displayName = name;
		a.idNumber = idNumber.value();
		a.mobile = mobile;
		a.passwordHash = passwordHash;
		a.assuranceLevel = level;
		a.roles = Role.CITIZEN.name();
		a.createdAt = Instant.now();
		return a;
	}

	public static Account staff(String username, String name, String passwordHash, String totpSecret, UUID departmentId,
			String regionScope, Set<Role> roles) {
		Account a = new Account();
		a.id = UUID.randomUUID();
		a.kind = AccountKind.STAFF;
		a.username = username;
		a.displayName = name;
		a.passwordHash = passwordHash;
		a.totpSecret = totpSecret;
		a.departmentId = departmentId;
		a.regionScope = regionScope;
		a.assuranceLevel = 3;
		a.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		a.createdAt = Instant.now();
		return a;
	}

	/** The name a closed account keeps: cases and records that name the account show this, never the person. */
	public static final String CLOSED_NAME = "已注销用户";

	/**
	 * Closes the account (个人信息保护法 Art. 47): its ID number, mobile and e-mail are removed (their blind indexes with
	 * them, so the number can register again), its name replaced and its password made unusable; the row stays for the
	 * records that must be kept and name it.
	 */
	public void close(Instant now, String unusablePasswordHash) {
		idNumber = null;
		mobile = null;
		email = null;
		displayName = CLOSED_NAME;
		passwordHash = unusablePasswordHash;
		failedAttempts = 0;
		lockedUntil = null;
		closedAt = now;
	}

	public boolean closed() {
		return closedAt != null;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failure; at the threshold the account locks for base × 2^(earlier locks), at most a day. */
	public void recordFailure(Instant now, int threshold, Duration base) {
		failedAttempts++;
		if (failedAttempts >= threshold) {
			Duration lock = base.multipliedBy(1L << Math.min(lockCount, 10));
			if (lock.compareTo(Duration.ofDays(1)) > 0) {
				lock = Duration.ofDays(1);
			}
			lockedUntil = now.plus(lock);
			lockCount++;
			failedAttempts = 0;
		}
	}

	public void recordSuccess() {
		failedAttempts = 0;
		lockCount = 0;
		lockedUntil = null;
	}

	public void raiseAssurance(int level) {
		if (level > assuranceLevel) {
			assuranceLevel = level;
		}
	}

	public void changePassword(String hash) {
		this.passwordHash = hash;
	}

	public Set<Role> roles() {
		return roles(roles);
	}

	/** The roles as the {@code roles} column holds them, comma-separated. */
	public static Set<Role> roles(String column) {
		if (column == null || column.isBlank()) {
			return EnumSet.noneOf(Role.class);
		}
		return Arrays.stream(column.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public boolean isStaff() {
		return kind == AccountKind.STAFF;
	}

	public UUID id() {
		return id;
	}

	public AccountKind kind() {
		return kind;
	}

	public String displayName() {
		return displayName;
	}

	/** The ID number and mobile are stored encrypted; rows are found by these keyed indexes of them. */
	void index(DataKeys keys) {
		idNumberIndex = idNumber == null ? null : keys.blindIndex(idNumber);
		mobileIndex = mobile == null ? null : keys.blindIndex(mobile);
	}

	public String idNumber() {
		return idNumber;
	}

	public String email() {
		return email;
	}

	/** The address for e-mail notifications; null removes it. */
	public void changeEmail(String email) {
		this.email = email;
	}

	public String mobile() {
		return mobile;
	}

	public String username() {
		return username;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public int assuranceLevel() {
		return assuranceLevel;
	}

	public String totpSecret() {
		return totpSecret;
	}

	public UUID departmentId() {
		return departmentId;
	}

	public String regionScope() {
		return regionScope;
	}

	public Instant lockedUntil() {
		return lockedUntil;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
