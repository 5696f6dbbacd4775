package tongban.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tongban.identity.domain.AccountRepository;

/**
 * What identity holds about a citizen, in full, for the copy the person asks for themself (查阅、复制, 个人信息保护法
 * Art. 45): the account and the consents it gave. Only for the person's own copy; every other reader gets
 * {@link AccountSummary}, masked.
 */
@Service
@Transactional(readOnly = true)
public class PersonalRecords {

	/** A consent as recorded: to which notice version, for what, when and through which channel. */
	public record ConsentRecord(String purpose, String noticeVersion, Instant consentedAt, String channel) {
	}

	/** The account as held: numbers in full (the copy is the person's own). */
	public record AccountRecord(UUID id, String name, String idNumber, String mobile, String email, int assuranceLevel,
			Instant createdAt, List<ConsentRecord> consents) {
	}

	private final AccountRepository accounts;
	private final JdbcClient jdbc;

	PersonalRecords(AccountRepository accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** The citizen's account and consents; empty for staff, closed and unknown accounts. */
	public Optional<AccountRecord> of(UUID accountId) {
		return accounts.findById(accountId).filter(a -> !a.isStaff() && !a.closed())
			.map(a -> new AccountRecord(a.id(), a.displayName(), a.idNumber(), a.mobile(), a.email(), a.assuranceLevel(),
					a.createdAt(), consents(a.id())));
	}

	private List<ConsentRecord> consents(UUID accountId) {
		return jdbc.sql("select purpose, notice_version, consented_at, channel from identity_consent where account_id = ? order by consented_at, id")
			.param(accountId)
			.query((rs, n) -> new ConsentRecord(rs.getString("purpose"), rs.getString("notice_version"),
					rs.getTimestamp("consented_at").toInstant(), rs.getString("channel")))
			.list();
	}
}
