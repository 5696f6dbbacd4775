package tongban.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

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

	private final List<SealedRecords> sealed;
	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, AuditChain chain, List<SealedRecords> sealed, JsonMapper json) {
		this.sealed = sealed;
		this.json = json;
		this.jdbc = jdbc;
		this.chain = chain;
	}

	public record Entry(long id, Long position, Instant at, String kind, String actor, String subject, String detail) {
	}

	/**
	 * An entry recorded with facts, read back as the type they were recorded as. The facts are not chained: a module
	 * that relies on them checks them against the chained {@code detail} (as it would write it from the facts).
	 */
	public record Recorded<T>(long id, Instant at, String detail, T facts) {
	}

	/**
	 * The first entry that fails, or none: {@code problem} is ALTERED, MISSING or UNLINKED for an entry of the chain, or
	 * a problem of a record sealed by an entry ({@link SealedRecords}), which names that record in {@code record}.
	 */
	public record Verification(boolean intact, long checked, Long position, Long entryId, String problem, String record, Instant verifiedAt) {
	}

	@Transactional
	public void record(String kind, String actor, String subject, String detail) {
		jdbc.sql("insert into audit_entry (kind, actor, subject, detail) values (?, ?, ?, ?)")
			.params(kind, actor == null ? "" : actor, subject, detail)
			.update();
	}

	/**
	 * Records an entry with its facts (a record, kept as JSON beside the detail), so that the module can read them back
	 * typed with {@link #entries} instead of parsing the detail.
	 */
	@Transactional
	public void record(String kind, String actor, String subject, String detail, Object facts) {
		jdbc.sql("insert into audit_entry (kind, actor, subject, detail, facts) values (?, ?, ?, ?, ?::jsonb)")
			.params(kind, actor == null ? "" : actor, subject, detail, json.writeValueAsString(facts))
			.update();
	}

	/**
	 * The entries of this kind by this actor that were recorded with facts, after the entry {@code afterId}, in the
	 * order of their ids, at most {@code limit}; their facts read as {@code factsType}.
	 */
	@Transactional(readOnly = true)
	public <T> List<Recorded<T>> entries(String kind, String actor, Class<T> factsType, long afterId, int limit) {
		return jdbc.sql("select id, at, detail, facts::text as facts from audit_entry where kind = ? and actor = ? and id > ? and facts is not null"
				+ " order by id limit ?")
			.params(kind, actor, afterId, limit)
			.query((rs, n) -> new Recorded<>(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("detail"),
					json.readValue(rs.getString("facts"), factsType)))
			.list();
	}

	/**
	 * Seals what waits to be sealed and chains what is committed, then checks the whole chain from its first entry, then
	 * the records sealed by entries.
	 */
	public Verification verify() {
		sealed.forEach(SealedRecords::sealPending);
		chain.chainPending();
		Verification v = chain.verify();
		if (!v.intact()) {
			return v;
		}
		for (SealedRecords s : sealed) {
			var failure = s.firstFailure();
			if (failure.isPresent()) {
				SealedRecords.Failure f = failure.get();
				Long position = f.entryId() == null ? null
						: jdbc.sql("select position from audit_entry where id = ?").param(f.entryId()).query(Long.class).optional().orElse(null);
				return new Verification(false, v.checked(), position, f.entryId(), f.problem(), f.record(), Instant.now());
			}
		}
		return v;
	}

	@Transactional(readOnly = true)
	public List<Entry> recent(int limit) {
		return jdbc.sql("select id, position, at, kind, actor, subject, detail from audit_entry order by id desc limit ?")
			.param(limit)
			.query(Entry.class)
			.list();
	}
}
