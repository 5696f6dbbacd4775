package tongban.hotline;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets of a period in brief, for monitoring what citizens report (the insight module's hot topics): number,
 * category, region, when and the description, never the contact. Merged tickets are left out (the ticket they were
 * merged into counts them once). Streamed, so a quarter of a city's tickets does not sit in memory.
 */
@Service
public class TicketDigests {

	/** One ticket in brief: the region as submitted (district, township or village code). */
	public record TicketDigest(TicketId id, String number, String categoryCode, String regionCode, OffsetDateTime createdAt, String text) {
	}

	private final JdbcClient jdbc;

	TicketDigests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each ticket created in [from, to) whose region starts with {@code regionPrefix} ("" for all), oldest first. */
	@Transactional(readOnly = true)
	public void each(OffsetDateTime from, OffsetDateTime to, String regionPrefix, Consumer<TicketDigest> action) {
		try (Stream<TicketDigest> rows = jdbc.sql("""
				select id, number, category_code, region_code, created_at, description from hotline_ticket
				where created_at >= ? and created_at < ? and region_code like ? and status <> ? order by created_at""")
			.params(from, to, (regionPrefix == null ? "" : regionPrefix) + "%", TicketStatus.MERGED.name())
			.withFetchSize(500)
			.query((rs, row) -> new TicketDigest(new TicketId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
			.stream()) {
			rows.forEach(action);
		}
	}
}
