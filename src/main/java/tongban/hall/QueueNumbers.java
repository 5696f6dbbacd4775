package tongban.hall;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.ServicePoints;
import tongban.identity.BirthDates;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.RandomTokens;

/**
 * 取号: every way of taking a number (kiosk, clerk, phone, checking in with a booking) comes here. The number is the
 * point's, day's and series' counter row incremented in the taking transaction, so numbers are unique and without gaps
 * however many nodes and concurrent takes there are, and survive a restart; a closed point (holiday, closure, outside
 * its hours) gives none.
 */
@Service
@Transactional
public class QueueNumbers {

	/** What taking a number needs: booking id and slot start only when checking in with an appointment. */
	public record Take(UUID pointId, Series series, Channel channel, UUID accountId, String itemCode, UUID bookingId,
			Instant slotStart) {
	}

	/** 老年人: the age from which a person may take a green-channel number themself. */
	public static final int GREEN_AGE = 65;

	/** The columns of a {@link QueueTicket}, for selects and for {@code returning}. */
	static final String COLUMNS = """
			id, point_id, day, series, number, label, token, channel, account_id, item_code, booking_id, slot_start, status,
			  taken_at, called_at, window_id, clerk_account_id, closed_at, waiting_series, place_at, target_window_id,
			  priority_reason, served_at, recalls, feedback_visit_id, feedback_token""";

	static final String SELECT = "select " + COLUMNS + " from hall_queue_ticket";

	private final JdbcClient jdbc;
	private final ServicePoints points;
	private final Clock clock;
	private final BirthDates birthDates;
	private final ApplicationEventPublisher events;

	QueueNumbers(JdbcClient jdbc, ServicePoints points, Clock clock, BirthDates birthDates, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.birthDates = birthDates;
		this.points = points;
		this.clock = clock;
	}

	/** A new number at the point, now; refused ({@code hall-point-closed}) when the point is not open now. */
	public QueueTicket take(Take take) {
		ServicePoints.ServicePoint point = points.point(take.pointId()).orElseThrow(() -> DomainException.notFound("service point"));
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(Clocks.ZONE));
		if (!points.openAt(point.id(), now)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-point-closed", "the point is not open now");
		}
		LocalDate day = now.toLocalDate();
		int number = jdbc.sql("""
				insert into hall_queue_counter (point_id, day, series, last_number) values (?, ?, ?, 1)
				on conflict (point_id, day, series) do update set last_number = hall_queue_counter.last_number + 1
				returning last_number""")
			.params(point.id(), day, take.series().name())
			.query(Integer.class)
			.single();
		UUID id = UUID.randomUUID();
		String token = RandomTokens.of(32);
		QueueTicket ticket = jdbc.sql("""
				insert into hall_queue_ticket (id, point_id, day, series, number, label, token, channel, account_id, item_code,
				  booking_id, slot_start, status, taken_at, waiting_series, place_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?)
				returning""" + " " + COLUMNS)
			.params(id, point.id(), day, take.series().name(), number, label(take.series(), number), token, take.channel().name(),
					take.accountId(), take.itemCode(), take.bookingId(),
					take.slotStart() == null ? null : Timestamp.from(take.slotStart()), Timestamp.from(now.toInstant()),
					take.series().name(), Timestamp.from(now.toInstant()))
			.query(QueueTicket.class)
			.single();
		events.publishEvent(new QueueEvents.TicketTaken(id, point.id(), take.series(), ticket.label()));
		return ticket;
	}

	/**
	 * Whether the account's holder may take a 绿色通道 (G) number by themself: a citizen aged 65 or more on today's date,
	 * from the birth date identity reads from their ID number (the number itself never reaches the hall). Disability and
	 * pregnancy are marked by a clerk.
	 */
	@Transactional(readOnly = true)
	public boolean greenChannelFor(UUID accountId) {
		return accountId != null && birthDates.of(accountId)
			.map(born -> greenByAge(born, LocalDate.now(clock.withZone(Clocks.ZONE))))
			.orElse(false);
	}

	/** The green channel's age rule, for a birth date known from an account or read from an ID card: 65 on the day. */
	public static boolean greenByAge(LocalDate born, LocalDate today) {
		return !born.plusYears(GREEN_AGE).isAfter(today);
	}

	/** A003, G012: the series letter and the number in three digits (more when a day passes 999). */
	static String label(Series series, int number) {
		return series.name() + String.format("%03d", number);
	}

	@Transactional(readOnly = true)
	public Optional<QueueTicket> ticket(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(QueueTicket.class).optional();
	}

	/** The number whose page a token opens (the kiosk receipt's QR code, the phone's link). */
	@Transactional(readOnly = true)
	public Optional<QueueTicket> byToken(String token) {
		return jdbc.sql(SELECT + " where token = ?").param(token).query(QueueTicket.class).optional();
	}

	/** The numbers waiting to be called at a point on a day (unordered: {@code hall.queue.CallOrder} orders them). */
	@Transactional(readOnly = true)
	public List<QueueTicket> waiting(UUID pointId, LocalDate day) {
		return jdbc.sql(SELECT + " where point_id = ? and day = ? and status = 'WAITING'").params(pointId, day).query(QueueTicket.class).list();
	}

	/** The numbers of a point and day in one status, by their place. */
	@Transactional(readOnly = true)
	public List<QueueTicket> withStatus(UUID pointId, LocalDate day, TicketStatus status) {
		return jdbc.sql(SELECT + " where point_id = ? and day = ? and status = ? order by place_at, number")
			.params(pointId, day, status.name())
			.query(QueueTicket.class)
			.list();
	}

	/** A person's numbers of a day, newest first. */
	@Transactional(readOnly = true)
	public List<QueueTicket> ofAccount(UUID accountId, LocalDate day) {
		return jdbc.sql(SELECT + " where account_id = ? and day = ? order by taken_at desc")
			.params(accountId, day)
			.query(QueueTicket.class)
			.list();
	}
}
