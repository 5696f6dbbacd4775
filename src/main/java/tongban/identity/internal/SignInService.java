package tongban.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.IdNumber;
import tongban.shared.TongbanProperties;

/** Finds accounts for sign-in, counts failures and locks, and records every sign-in event. */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class SignInService {

	private final tongban.shared.DataKeys keys;

	private final tongban.audit.AuditTrail audit;

	public enum Outcome { SUCCESS, FAILURE, LOCKED, MFA_FAILURE, MFA_PENDING }

	private final AccountRepository accounts;
	private final JdbcClient jdbc;
	private final TongbanProperties properties;

	SignInService(AccountRepository accounts, JdbcClient jdbc, TongbanProperties properties, tongban.audit.AuditTrail audit,
			tongban.shared.DataKeys keys) {
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

	/** Counts one failure; returns the lock end when this failure locked the account. */
	public Optional<Instant> failure(UUID accountId, Outcome outcome, String remoteAddr) {
		Account a = accounts.findById(accountId).orElseThrow();
		Instant now = Instant.now();
		a.recordFailure(now, properties.lockThreshold(), properties.lockBase());
		record(accountId, a.lockedAt(now) ? Outcome.LOCKED : outcome, remoteAddr);
		return a.lockedAt(now) ? Optional.of(a.lockedUntil()) : Optional.empty();
	}

	public void success(UUID accountId, String remoteAddr) {
		accounts.findById(accountId).orElseThrow().recordSuccess();
		record(accountId, Outcome.SUCCESS, remoteAddr);
	}

	public void record(UUID accountId, Outcome outcome, String remoteAddr) {
		jdbc.sql("insert into identity_sign_in_event (account_id, outcome, remote_addr) values (?, ?, ?)")
			.params(accountId, outcome.name(), remoteAddr)
			.update();
		audit.record(tongban.audit.AuditTrail.SIGN_IN, accountId == null ? "" : accountId.toString(), accountId == null ? null : "account:" + accountId,
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
