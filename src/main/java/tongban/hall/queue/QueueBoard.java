package tongban.hall.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.ServicePoints;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.TicketStatus;
import tongban.hall.queue.internal.QueueProperties;
import tongban.shared.Clocks;

/**
 * What the queue of a point looks like, for the hall's display, a person's number page and the public API: the calls
 * (number → window, no personal data), how many wait in each series, a number's position in the {@link CallOrder} and
 * its estimated wait (the series' mean service time at the point today, or the configured default, per window calling
 * the series).
 */
@Service
@Transactional(readOnly = true)
public class QueueBoard {

	/** A call shown on the display: the number and the window's number. */
	public record Call(String label, String window, Instant at) {
	}

	/** The display's content. */
	public record Display(List<Call> current, List<Call> recent, Map<Series, Integer> waiting) {
	}

	/** Waiting counts and mean service minutes per series. */
	public record SeriesQueue(Series series, String label, int waiting, int meanServiceMinutes) {
	}

	/** Where a number stands: ahead of it, the minutes to wait, and the window when called. */
	public record Standing(QueueTicket ticket, int ahead, int waitMinutes, String window) {
	}

	private final JdbcClient jdbc;
	private final QueueNumbers numbers;
	private final ServicePoints points;
	private final QueueProperties properties;
	private final Clock clock;

	QueueBoard(JdbcClient jdbc, QueueNumbers numbers, ServicePoints points, QueueProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.points = points;
		this.properties = properties;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Clocks.ZONE));
	}

	/** The display of a point today: the numbers at windows now, the last six calls, the waiting per series. */
	public Display display(UUID pointId) {
		Map<UUID, String> windows = new HashMap<>();
		points.windows(pointId).forEach(window -> windows.put(window.id(), window.number()));
		String select = "select label, window_id, called_at from hall_queue_ticket where point_id = ? and day = ? and called_at is not null";
		RowMapper<Call> call = (rs, row) -> new Call(rs.getString(1), windows.get(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant());
		List<Call> current = jdbc.sql(select + " and status in ('CALLED', 'SERVING') order by called_at desc")
			.params(pointId, today())
			.query(call)
			.list();
		List<Call> recent = jdbc.sql(select + " order by called_at desc limit 6").params(pointId, today()).query(call).list();
		return new Display(current, recent, waiting(pointId));
	}

	/** How many numbers wait in each series of the point today. */
	public Map<Series, Integer> waiting(UUID pointId) {
		Map<Series, Integer> out = new EnumMap<>(Series.class);
		for (Series series : Series.values()) {
			out.put(series, 0);
		}
		jdbc.sql("select waiting_series, count(*) as n from hall_queue_ticket where point_id = ? and day = ? and status = 'WAITING' group by waiting_series")
			.params(pointId, today())
			.query((rs, row) -> Map.entry(Series.valueOf(rs.getString(1).strip()), rs.getInt(2)))
			.list()
			.forEach(entry -> out.put(entry.getKey(), entry.getValue()));
		return out;
	}

	/** The public queue of a point: per series, the numbers waiting and the mean service minutes. */
	public List<SeriesQueue> queue(UUID pointId) {
		Map<Series, Integer> waiting = waiting(pointId);
		return List.of(Series.values()).stream()
			.map(series -> new SeriesQueue(series, series.label(), waiting.get(series), meanServiceMinutes(pointId, series)))
			.toList();
	}

	/** The mean minutes from start to close of the series' visits at the point today, or the configured default. */
	public int meanServiceMinutes(UUID pointId, Series series) {
		Double seconds = jdbc.sql("""
				select avg(extract(epoch from closed_at - served_at)) from hall_queue_ticket
				where point_id = ? and day = ? and waiting_series = ? and status = 'DONE' and served_at is not null""")
			.params(pointId, today(), series.name())
			.query(Double.class)
			.optional()
			.orElse(null);
		if (seconds == null) {
			return properties.defaultServiceMinutes();
		}
		return (int) Math.max(1, Math.round(seconds / 60));
	}

	/** Where a number stands now. */
	public Standing standing(QueueTicket ticket) {
		String window = ticket.windowId() == null ? null : points.window(ticket.windowId()).map(ServicePoints.PointWindow::number).orElse(null);
		if (ticket.status() != TicketStatus.WAITING) {
			return new Standing(ticket, 0, 0, window);
		}
		Instant now = clock.instant();
		List<QueueTicket> waiting = numbers.waiting(ticket.pointId(), ticket.day());
		int ahead = (int) waiting.stream()
			.filter(other -> other.waitingSeries() == ticket.waitingSeries() || other.waitingSeries().priority() && !ticket.waitingSeries().priority())
			.filter(other -> CallOrder.order(now).compare(other, ticket) < 0)
			.count();
		long windows = Math.max(1, points.windows(ticket.pointId()).stream()
			.filter(w -> w.series() != null && (ticket.waitingSeries().priority() || ticket.waitingSeries().name().equals(w.series().strip())))
			.count());
		int minutes = (int) Duration.ofMinutes((long) ahead * meanServiceMinutes(ticket.pointId(), ticket.waitingSeries())).dividedBy(windows).toMinutes();
		return new Standing(ticket, ahead, minutes, window);
	}

	/** A number by its token, with where it stands. */
	public Optional<Standing> byToken(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return numbers.byToken(token).map(this::standing);
	}

	/** The numbers skipped at the point today, which a window may call again; oldest place first. */
	public List<QueueTicket> skipped(UUID pointId) {
		return numbers.withStatus(pointId, today(), TicketStatus.SKIPPED);
	}
}
