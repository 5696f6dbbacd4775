package tongban.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.AttemptLimits;
import tongban.shared.DataKeys;
import tongban.shared.IdNumber;
import tongban.shared.TongbanProperties;

/**
 * Finds accounts for sign-in, counts failures and locks, and records every sign-in event. Failures are counted twice:
 * per account (the account locks with doubling delays) and per network address across accounts (credential stuffing:
 * many accounts with a few guesses each; the address is refused for a while, even with a right password).
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class SignInService {

	private final DataKeys keys;

	private final AuditTrail audit;

	public enum Outcome { SUCCESS, FAILURE, LOCKED, MFA_FAILURE, MFA_PENDING, ADDRESS_LOCKED, PASSWORD_RESET }

	private final AccountRepository accounts;
	private final JdbcClient jdbc;
	private final TongbanProperties properties;
	private final AttemptLimits limits;
	private final AttemptLimits.Limit addressFailures;

	SignInService(AccountRepository accounts, JdbcClient jdbc, TongbanProperties properties, AuditTrail audit,
			DataKeys keys, AttemptLimits limits,
			@Value("${tongban.sign-in.address-failures:10}") int addressFailures,
			@Value("${tongban.sign-in.address-window-minutes:15}") int addressWindowMinutes) {
		this.limits = limits;
		this.addressFailures = new AttemptLimits.Limit("sign-in-failure-address", addressFailures,
				Duration.ofMinutes(addressWindowMinutes));
		this.keys = keys;
		this.audit = audit;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** A citizen signs in with ID number or mobile, staff with a username. */
	@Transactional(readOnly = true)
	public Optional<Account> findForLogin(String login) {
		String s = login == null ? "" : login.strip();
		if (s.matches("\\d{17}[\\dXx]")) {
			return accounts.findByIdNumberIndex(keys.blindIndex(IdNumber.normalise(s)));
		}
		if (s.matches("1\\d{10}")) {
			return accounts.findByMobileIndex(keys.blindIndex(s));
		}
		return accounts.findByUsername(s.toLowerCase());
	}

	/**
	 * Whether the login (an ID number or mobile) is one a closed account signed in with and no open account has now: the
	 * person is told the account was closed. Found by keyed index only; the closed account keeps no number.
	 */
	@Transactional(readOnly = true)
	public boolean closedLogin(String login) {
		String s = login == null ? "" : login.strip();
		String index;
		if (s.matches("\\d{17}[\\dXx]")) {
			index = keys.blindIndex(IdNumber.normalise(s));
		}
		else if (s.matches("1\\d{10}")) {
			index = keys.blindIndex(s);
		}
		else {
			return false;
		}
		return jdbc.sql("select count(*) from identity_closed_login where login_index = ?").param(index).query(Long.class).single() > 0;
	}

	/**
	 * Counts one failure; returns the lock end when the account is locked after it. The row is locked while counting,
	 * so concurrent failures are counted one by one; a failure that finds the account already locked by another (its
	 * password was checked before the lock) is recorded as refused and does not lock it again.
	 */
	public Optional<Instant> failure(UUID accountId, Outcome outcome, String remoteAddr) {
		Account a = accounts.findLockedById(accountId).orElseThrow();
		Instant now = Instant.now();
		if (a.lockedAt(now)) {
			record(accountId, Outcome.LOCKED, remoteAddr);
			return Optional.of(a.lockedUntil());
		}
		a.recordFailure(now, properties.lockThreshold(), properties.lockBase());
		record(accountId, a.lockedAt(now) ? Outcome.LOCKED : outcome, remoteAddr);
		return a.lockedAt(now) ? Optional.of(a.lockedUntil()) : Optional.empty();
	}

	public void success(UUID accountId, String remoteAddr) {
		accounts.findLockedById(accountId).orElseThrow().recordSuccess();
		record(accountId, Outcome.SUCCESS, remoteAddr);
	}

	/** Until when sign-ins from this address are refused after too many failures across accounts, if they are. */
	public Optional<Instant> addressLockedUntil(String remoteAddr) {
		return limits.blockedUntil(addressFailures, remoteAddr);
	}

	/** Counts a wrong password or an unknown account against the address it came from. */
	public void addressFailure(String remoteAddr) {
		limits.count(addressFailures, remoteAddr);
	}

	/** Forgets an address's failures (an operator unblocking a service hall's network, and tests). */
	public void forgetAddress(String remoteAddr) {
		limits.forget(addressFailures, remoteAddr);
	}

	/**
	 * Takes a TOTP time step for the account: true once per step and only for a step later than the last one used, so a
	 * code seen over someone's shoulder, or sent twice at once, cannot sign in a second time (RFC 6238 §5.2). One
	 * conditional update, so of two concurrent uses exactly one wins.
	 */
	public boolean useTotpStep(UUID accountId, long step) {
		return jdbc.sql("update identity_account set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
			.params(step, accountId, step)
			.update() == 1;
	}

	public void record(UUID accountId, Outcome outcome, String remoteAddr) {
		jdbc.sql("insert into identity_sign_in_event (account_id, outcome, remote_addr) values (?, ?, ?)")
			.params(accountId, outcome.name(), remoteAddr)
			.update();
		audit.record(AuditTrail.SIGN_IN, accountId == null ? "" : accountId.toString(), accountId == null ? null : "account:" + accountId,
				outcome.name() + (remoteAddr == null ? "" : " from " + remoteAddr));
	}

	@Transactional(readOnly = true)
	public List<SignInEvent> recent(UUID accountId, int limit) {
		return jdbc.sql("select at, outcome, remote_addr from identity_sign_in_event where account_id = ? order by id desc limit ?")
			.params(accountId, limit)
			.query(SignInEvent.class)
			.list();
	}

	public record SignInEvent(OffsetDateTime at, String outcome, String remoteAddr) {
	}
}
