package tongban.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tongban.privacy.ExportStatus;

/** The rows of {@code privacy_export}: every status change goes through {@link #move}, which asks the status graph. */
@Component
public class ExportRows {

	/** One copy as recorded. */
	public record Row(UUID id, UUID accountId, ExportStatus status, Instant requestedAt, Instant readyAt, Instant expiresAt,
			String fileId, long sizeBytes, String sha256) {
	}

	private static final String COLUMNS = "id, account_id, status, requested_at, ready_at, expires_at, file_id, size_bytes, sha256";

	private final JdbcClient jdbc;

	ExportRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new copy asked for now, unless one of the account's is under way (the unique index keeps it at one even when two
	 * requests race): answers the new row's id, or empty when one was under way.
	 */
	public Optional<UUID> insert(UUID accountId, Instant now) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("insert into privacy_export (id, account_id, status, requested_at) values (?, ?, ?, ?) on conflict do nothing")
			.params(id, accountId, ExportStatus.REQUESTED.name(), utc(now))
			.update();
		return inserted == 1 ? Optional.of(id) : Optional.empty();
	}

	public Optional<Row> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from privacy_export where id = ?").param(id).query(ExportRows::row).optional();
	}

	/** The account's copy under way, if any. */
	public Optional<Row> underWay(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from privacy_export where account_id = ? and status = any(?)")
			.params(accountId, new String[] { ExportStatus.REQUESTED.name(), ExportStatus.PREPARING.name() })
			.query(ExportRows::row)
			.optional();
	}

	/** The account's latest copy. */
	public Optional<Row> latest(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from privacy_export where account_id = ? order by requested_at desc limit 1")
			.param(accountId)
			.query(ExportRows::row)
			.optional();
	}

	/** Every copy of the account. */
	public List<Row> of(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from privacy_export where account_id = ?").param(accountId).query(ExportRows::row).list();
	}

	/** Ready copies whose download period ended at {@code now}. */
	public List<Row> expiredBy(Instant now) {
		return jdbc.sql("select " + COLUMNS + " from privacy_export where status = ? and expires_at <= ?")
			.params(ExportStatus.READY.name(), utc(now))
			.query(ExportRows::row)
			.list();
	}

	/**
	 * Moves the copy if it is still in {@code from} and the graph allows the move (refused otherwise with the graph's
	 * conflict); false when another node moved it first.
	 */
	public boolean move(UUID id, ExportStatus from, ExportStatus to) {
		ExportStatus.GRAPH.require(from, to);
		return jdbc.sql("update privacy_export set status = ?, version = version + 1 where id = ? and status = ?")
			.params(to.name(), id, from.name())
			.update() == 1;
	}

	/** The file of a copy that became ready, and until when it may be downloaded. */
	public void ready(UUID id, String fileId, long size, String sha256, Instant readyAt, Instant expiresAt) {
		jdbc.sql("update privacy_export set file_id = ?, size_bytes = ?, sha256 = ?, ready_at = ?, expires_at = ? where id = ?")
			.params(fileId, size, sha256, utc(readyAt), utc(expiresAt), id)
			.update();
	}

	public void forgetFile(UUID id) {
		jdbc.sql("update privacy_export set file_id = null where id = ?").param(id).update();
	}

	public void delete(UUID id) {
		jdbc.sql("delete from privacy_export where id = ?").param(id).update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), ExportStatus.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("ready_at")), instant(rs.getTimestamp("expires_at")),
				rs.getString("file_id"), rs.getLong("size_bytes"), rs.getString("sha256"));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
