package tongban.hall.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.ServicePoints;
import tongban.hall.Channel;
import tongban.hall.QueueEvents.TicketCancelled;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.TicketStatus;
import tongban.hall.queue.internal.QueueProperties;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * 手机取号: a signed-in person takes a number at a point they are near (within the configured distance of its
 * coordinates, from the position their browser gives), one open number per point at a time; the green channel only
 * when they are 65 or older. They see and may give up their own numbers; anyone else's is "not found".
 */
@Service
@Transactional
public class QueueTaking {

	private final QueueNumbers numbers;
	private final ServicePoints points;
	private final QueueProperties properties;
	private final Clock clock;
	private final GuardedMoves<TicketStatus> moves;

	QueueTaking(QueueNumbers numbers, ServicePoints points, QueueProperties properties, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events) {
		this.numbers = numbers;
		this.points = points;
		this.properties = properties;
		this.clock = clock;
		this.moves = new GuardedMoves<>(jdbc, events, TicketTransitions.GRAPH, "hall_queue_ticket");
	}

	/**
	 * A number at the point for the person, taken on their phone at the position given. Refused (INVALID, with the
	 * reason's code) without a position, farther than the allowed distance, for G under 65, or with an open number at
	 * the point already; a closed point gives none ({@code hall-point-closed}).
	 */
	public QueueTicket takeOnPhone(UUID accountId, String pointCode, Series series, Double latitude, Double longitude) {
		ServicePoints.ServicePoint point = points.pointByCode(pointCode == null ? "" : pointCode)
			.orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "hall-queue-point", "no such point"));
		if (series == null) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-queue-series", "no series chosen");
		}
		if (latitude == null || longitude == null) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-queue-position-missing", "no position given");
		}
		if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-queue-position-invalid", "not a position");
		}
		double metres = point.metresFrom(latitude, longitude)
			.orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "hall-queue-point-position", "the point has no position"));
		if (metres > properties.phoneDistanceMetres()) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-queue-too-far", "too far from the point",
					Math.round(metres), properties.phoneDistanceMetres());
		}
		if (series == Series.G && !numbers.greenChannelFor(accountId)) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-queue-green", "the green channel is for people aged 65 or more",
					QueueNumbers.GREEN_AGE);
		}
		boolean holding = numbers.ofAccount(accountId, today()).stream().anyMatch(ticket -> ticket.pointId().equals(point.id()) && ticket.open());
		if (holding) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-queue-already", "an open number at this point already");
		}
		return numbers.take(new QueueNumbers.Take(point.id(), series, Channel.PHONE, accountId, null, null, null));
	}

	/** Whether the person may take a green-channel number themself (65 or older). */
	@Transactional(readOnly = true)
	public boolean greenChannelFor(UUID accountId) {
		return numbers.greenChannelFor(accountId);
	}

	/** The person's numbers today, newest first. */
	@Transactional(readOnly = true)
	public List<QueueTicket> mine(UUID accountId) {
		return numbers.ofAccount(accountId, today());
	}

	/** One of the person's own numbers; anyone else's is "not found". */
	@Transactional(readOnly = true)
	public QueueTicket mine(UUID accountId, UUID ticketId) {
		return numbers.ticket(ticketId)
			.filter(ticket -> accountId != null && accountId.equals(ticket.accountId()))
			.orElseThrow(() -> DomainException.notFound("ticket"));
	}

	/** Gives up one's own waiting (or skipped) number. */
	public QueueTicket cancel(UUID accountId, UUID ticketId) {
		QueueTicket ticket = mine(accountId, ticketId);
		moves.move(ticket.id(), ticket.status(), TicketStatus.CANCELLED, new TicketCancelled(ticket.id(), ticket.pointId(), ticket.label()),
				TicketTransitions.CONFLICT_CODE, "closed_at = ?", Timestamp.from(clock.instant()));
		return numbers.ticket(ticketId).orElseThrow();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Clocks.ZONE));
	}
}
