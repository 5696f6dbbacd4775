package tongban.hotline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * Tickets as facts for the indicators (insight): one ticket after an event about it, or every ticket closed in a
 * period, streamed a batch of rows at a time for the backfill. Read from hotline's own table.
 */
@Service
@Transactional(readOnly = true)
public class TicketFacts {

	private static final int FETCH = 1000;

	private static final String SELECT = "select id, coalesce(lead_department, '') as department, region_code, status, closed_at, answer_due,"
			+ " satisfaction from hotline_ticket";

	private final JdbcClient jdbc;

	TicketFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TicketFact> of(TicketId ticketId) {
		return jdbc.sql(SELECT + " where id = ?").param(ticketId.value()).query((rs, row) -> fact(rs)).optional();
	}

	/** The tickets of these ids that exist, in one read (the indicators' counting pass). */
	public List<TicketFact> of(Collection<TicketId> ticketIds) {
		if (ticketIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where id = any(?)")
			.param(ticketIds.stream().map(TicketId::value).toArray(UUID[]::new))
			.query((rs, row) -> fact(rs))
			.list();
	}

	/** Every ticket closed on the days {@code from}..{@code to} (Asia/Shanghai), handed to {@code sink} as rows arrive. */
	public void forEach(LocalDate from, LocalDate to, Consumer<TicketFact> sink) {
		Instant start = from.atStartOfDay(Clocks.ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant();
		try (Stream<TicketFact> facts = jdbc.sql(SELECT + " where closed_at >= ? and closed_at < ?")
			.withFetchSize(FETCH)
			.params(Timestamp.from(start), Timestamp.from(end))
			.query((rs, row) -> fact(rs))
			.stream()) {
			facts.forEach(sink);
		}
	}

	private static TicketFact fact(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		Timestamp due = rs.getTimestamp("answer_due");
		String satisfaction = rs.getString("satisfaction");
		boolean isClosed = closed != null && TicketStatus.CLOSED.name().equals(rs.getString("status"));
		return new TicketFact(new TicketId(rs.getObject("id", UUID.class)), rs.getString("department"), rs.getString("region_code"),
				isClosed ? closed.toInstant() : null, due == null ? null : due.toInstant(),
				satisfaction == null ? null : Satisfaction.of(satisfaction));
	}
}
