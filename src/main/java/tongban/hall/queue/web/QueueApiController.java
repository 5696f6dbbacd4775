package tongban.hall.queue.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tongban.directory.ServicePoints;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.queue.QueueBoard;
import tongban.hall.queue.QueueTaking;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 取号 through the API (scope {@code queue}): the signed-in person takes a number near a point (with the position of
 * their device), lists theirs of today and follows one (someone else's is 404); and the public queue of a point. Refusals
 * are problem+json with a stable code: 422 without a position, too far, green channel under 65; 409 a closed point or
 * a number held already.
 */
@RestController
@Tag(name = "queue", description = "取号、叫号")
class QueueApiController {

	/** A number asked for: the point's code, the series (A, B; G from 65), the device's WGS-84 position. */
	record TakeRequest(String point, String series, Double latitude, Double longitude) {
	}

	/** A number as its holder sees it; {@code page} opens its public page. */
	record TicketView(UUID id, String label, String point, Series series, String status, int ahead, int waitMinutes, String window,
			String page) {
	}

	/** A point's queue: per series the numbers waiting and the mean service minutes. */
	record PointQueue(String point, String name, List<QueueBoard.SeriesQueue> series) {
	}

	private final QueueTaking taking;
	private final QueueBoard board;
	private final ServicePoints points;

	QueueApiController(QueueTaking taking, QueueBoard board, ServicePoints points) {
		this.taking = taking;
		this.board = board;
		this.points = points;
	}

	@Operation(summary = "Take a queue number at a point, near it (within the configured distance of the position given)",
			security = @SecurityRequirement(name = "bearer", scopes = "queue"))
	@PostMapping("/api/hall/tickets")
	ResponseEntity<TicketView> take(@CurrentActor Actor actor, @RequestBody(required = false) TakeRequest request) {
		TakeRequest body = request == null ? new TakeRequest(null, null, null, null) : request;
		Series series = body.series() == null || !body.series().matches("[ABG]") ? null : Series.valueOf(body.series());
		QueueTicket ticket = taking.takeOnPhone(actor.accountId(), body.point(), series, body.latitude(), body.longitude());
		return ResponseEntity.created(URI.create("/api/hall/tickets/" + ticket.id())).body(view(ticket));
	}

	@Operation(summary = "The signed-in person's queue numbers of today, newest first",
			security = @SecurityRequirement(name = "bearer", scopes = "queue"))
	@GetMapping("/api/hall/tickets")
	List<TicketView> mine(@CurrentActor Actor actor) {
		return taking.mine(actor.accountId()).stream().map(this::view).toList();
	}

	@Operation(summary = "One of the signed-in person's queue numbers with its position and estimated wait (another's: 404)",
			security = @SecurityRequirement(name = "bearer", scopes = "queue"))
	@GetMapping("/api/hall/tickets/{id}")
	TicketView one(@CurrentActor Actor actor, @PathVariable UUID id) {
		return view(taking.mine(actor.accountId(), id));
	}

	@Operation(summary = "The queue of a service point now: numbers waiting and mean service minutes per series (public)")
	@GetMapping("/api/service-points/{code}/queue")
	PointQueue queue(@PathVariable String code) {
		ServicePoints.ServicePoint point = points.pointByCode(code == null || code.length() > 40 ? "" : code)
			.orElseThrow(() -> DomainException.notFound("service point"));
		return new PointQueue(point.code(), point.name(), board.queue(point.id()));
	}

	private TicketView view(QueueTicket ticket) {
		QueueBoard.Standing standing = board.standing(ticket);
		String point = points.point(ticket.pointId()).map(ServicePoints.ServicePoint::code).orElse(null);
		return new TicketView(ticket.id(), ticket.label(), point, ticket.series(), ticket.status().name(), standing.ahead(),
				standing.waitMinutes(), standing.window(), "/hall/tickets/" + ticket.token());
	}
}
