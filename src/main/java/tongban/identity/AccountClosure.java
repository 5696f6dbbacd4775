package tongban.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tongban.audit.AuditTrail;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.SignedInSessions;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.RandomTokens;

/**
 * Closing a citizen's account (注销账号, 个人信息保护法 Art. 47): identity owns accounts, so the privacy centre closes
 * one here after it has checked what other modules still need. The account's ID number, mobile, e-mail and password go;
 * its row stays, renamed {@link Account#CLOSED_NAME}, because closed cases, the audit trail and the read records name
 * it. The keyed indexes of the logins it used are kept apart, so a later sign-in with them is told the account was
 * closed, and the same ID number can register again as a new account.
 */
@Service
public class AccountClosure {

	/** The stable code of a refusal to close an account that is not an open citizen's. */
	public static final String NOT_CLOSABLE = "account-not-closable";

	private final AccountRepository accounts;
	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final PasswordEncoder encoder;
	private final SignedInSessions sessions;
	private final AuditTrail audit;
	private final Clock clock;

	AccountClosure(AccountRepository accounts, JdbcClient jdbc, DataKeys keys, PasswordEncoder encoder, SignedInSessions sessions,
			AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.keys = keys;
		this.encoder = encoder;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the account was closed. */
	@Transactional(readOnly = true)
	public boolean closed(UUID accountId) {
		return accounts.findById(accountId).map(Account::closed).orElse(false);
	}

	/**
	 * Closes the citizen's own account now: its sessions end at their next request and the tokens it granted to apps
	 * are revoked. Refused (CONFLICT,
	 * {@link #NOT_CLOSABLE}) for staff and for an account already closed; an unknown account is not found.
	 */
	@Transactional
	public Instant close(UUID accountId) {
		Account account = accounts.findLockedById(accountId).orElseThrow(() -> DomainException.notFound("account"));
		if (account.isStaff() || account.closed()) {
			throw new DomainException(DomainException.Kind.CONFLICT, NOT_CLOSABLE, "only an open citizen account can be closed");
		}
		Instant now = clock.instant();
		for (String login : new String[] { account.idNumber(), account.mobile() }) {
			if (login != null) {
				jdbc.sql("insert into identity_closed_login (login_index, account_id, closed_at) values (?, ?, ?) on conflict do nothing")
					.params(keys.blindIndex(login), accountId, now.atOffset(ZoneOffset.UTC))
					.update();
			}
		}
		account.close(now, encoder.encode(RandomTokens.of(32)));
		accounts.saveAndFlush(account);
		sessions.endAll(accountId, now.plusMillis(1));
		// the apps and systems it let act for it lose their tokens and its consent to them: an access token is refused
		// within the revocation check's cache period (ActiveAccessTokens), a refresh token at once
		jdbc.sql("delete from oauth2_authorization where principal_name = ?").param(accountId.toString()).update();
		jdbc.sql("delete from oauth2_authorization_consent where principal_name = ?").param(accountId.toString()).update();
		jdbc.sql("insert into identity_activity (actor_account_id, party_kind, party_id, party_name, action, detail) values (?, ?, ?, ?, ?, ?)")
			.params(accountId, Party.Kind.CITIZEN.name(), accountId, Account.CLOSED_NAME, "ACCOUNT_CLOSED", "个人信息保护法第四十七条")
			.update();
		audit.record(AuditTrail.PURGE, accountId.toString(), "account:" + accountId, "account closed by its holder (PIPL Art. 47)");
		return now;
	}
}
