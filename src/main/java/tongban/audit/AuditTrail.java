package tongban.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.internal.AuditChain;

/**
 * Appends to the audit trail and checks it. {@link #record} writes in the caller's transaction (an action rolled back
 * leaves no entry); committed entries are chained within a second ({@link AuditChain}).
 */
@Service
public class AuditTrail {

	/** Kinds of entries. */
	public static final String SIGN_IN = "SIGN_IN", ROLE_CHANGE = "ROLE_CHANGE", SEAL_USE = "SEAL_USE", DATA_READ = "DATA_READ",
			DATA_REVEAL = "DATA_REVEAL", PUBLISH = "PUBLISH", GRANT = "GRANT", PURGE = "PURGE", DATA_REFUSED = "DATA_REFUSED";

	private final JdbcClient jdbc;
	private final AuditChain chain;

	private final org.springframework.jdbc.core.JdbcTemplate template;

	AuditTrail(JdbcClient jdbc, AuditChain chain, org.springframework.jdbc.core.JdbcTemplate template) {
		this.template = template;
		this.jdbc = jdbc;
		this.chain = chain;
	}

	public record Entry(long id, Long position, Instant at, String kind, String actor, String subject, String detail) {
	}

	/** The first entry that fails, or none: {@code problem} is ALTERED, MISSING or UNLINKED. */
	public record Verification(boolean intact, long checked, Long position, Long entryId, String problem, Instant verifiedAt) {
	}

	@Transactional
	public void record(String kind, String actor, String subject, String detail) {
		jdbc.sql("insert into audit_entry (kind, actor, subject, detail) values (?, ?, ?, ?)")
			.params(kind, actor == null ? "" : actor, subject, detail)
			.update();
	}

	/** An entry to append. */
	public record NewEntry(String kind, String actor, String subject, String detail) {
	}

	/** Appends several entries in one batch, in the caller's transaction (for writers that group records). */
	@Transactional
	public void recordAll(List<NewEntry> entries) {
		template.batchUpdate("insert into audit_entry (kind, actor, subject, detail) values (?, ?, ?, ?)",
				entries.stream().map(e -> new Object[] { e.kind(), e.actor() == null ? "" : e.actor(), e.subject(), e.detail() }).toList());
	}

	/** Chains what is committed, then checks the whole chain from its first entry. */
	public Verification verify() {
		chain.chainPending();
		return chain.verify();
	}

	@Transactional(readOnly = true)
	public List<Entry> recent(int limit) {
		return jdbc.sql("select id, position, at, kind, actor, subject, detail from audit_entry order by id desc limit ?")
			.param(limit)
			.query(Entry.class)
			.list();
	}
}
