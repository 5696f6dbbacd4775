package tongban.hall.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.casework.Notice;
import tongban.casework.ResultPosted;
import tongban.casework.ShipmentTracking;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.shared.GuardedMoves;

/**
 * 可快递送达 followed to the door: a result posted at 送达 becomes a shipment with its carrier and tracking number; a
 * pass asks each open shipment's {@link Carrier} for news, stores each status once, and when the parcel is signed for
 * (已签收) tells the person in-app and by SMS. The person follows it on the case page ({@link #tracking(CaseId)}).
 */
@Service
public class Shipments {

	static final String TABLE = "hall_delivery_shipment";

	/** A shipment as stored. */
	public record Shipment(UUID id, UUID caseId, String caseNumber, String carrier, String trackingNumber, ShipmentStatus status,
			Instant postedAt, Instant receivedAt) {
	}

	private final JdbcClient jdbc;
	private final List<Carrier> carriers;
	private final GuardedMoves<ShipmentStatus> moves;
	private final TransactionTemplate tx;
	private final Cases cases;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final Clock clock;
	private final String baseUrl;

	Shipments(JdbcClient jdbc, List<Carrier> carriers, ApplicationEventPublisher events, TransactionTemplate tx, Cases cases,
			IdentityManagement identity, NotificationManagement notifications, Clock clock,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.carriers = List.copyOf(carriers);
		this.moves = new GuardedMoves<>(jdbc, events, ShipmentStatus.GRAPH, TABLE);
		this.tx = tx;
		this.cases = cases;
		this.identity = identity;
		this.notifications = notifications;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Starts following a posted result (once per case: a repeated event changes nothing). */
	public void record(ResultPosted posted) {
		jdbc.sql("insert into hall_delivery_shipment (id, case_id, case_number, carrier, tracking_number, status, posted_at) "
				+ "values (?, ?, ?, ?, ?, 'POSTED', ?) on conflict (case_id) do nothing")
			.params(UUID.randomUUID(), posted.caseId().value(), posted.caseNumber(), posted.carrier(), posted.trackingNumber(),
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/** The shipment of a case's result, if it was posted. */
	public Optional<Shipment> ofCase(CaseId caseId) {
		return jdbc.sql("select id, case_id, case_number, carrier, tracking_number, status, posted_at, received_at "
				+ "from hall_delivery_shipment where case_id = ?")
			.param(caseId.value())
			.query(Shipments::shipment)
			.optional();
	}

	/**
	 * Whether the carrier that follows this carrier's parcels only simulates them (the demo carrier), so that the pages
	 * showing its statuses say no parcel really moves.
	 */
	public boolean simulated(String carrierName) {
		return carriers.stream().filter(c -> c.follows(carrierName)).findFirst().map(Carrier::simulated).orElse(false);
	}

	/** The statuses a shipment went through, oldest first. */
	public List<ShipmentTracking.Step> steps(UUID shipmentId) {
		return jdbc.sql("select status, at from hall_delivery_status where shipment_id = ? order by at, status_order")
			.param(shipmentId)
			.query((rs, row) -> new ShipmentTracking.Step(ShipmentStatus.valueOf(rs.getString("status")).messageKey(),
					rs.getObject("at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * One pass over the open shipments, each in its own transaction: safe to run twice or on two nodes at once, since a
	 * shipment being advanced is skipped (row lock) and each status is stored once. Returns how many moved on.
	 */
	public int poll() {
		List<UUID> open = jdbc.sql("select id from hall_delivery_shipment where status <> 'SIGNED' order by posted_at limit 500")
			.query(UUID.class)
			.list();
		int moved = 0;
		for (UUID id : open) {
			Boolean advanced = tx.execute(status -> advance(id));
			moved += Boolean.TRUE.equals(advanced) ? 1 : 0;
		}
		return moved;
	}

	private boolean advance(UUID id) {
		Optional<Shipment> locked = jdbc.sql("select id, case_id, case_number, carrier, tracking_number, status, posted_at, received_at "
				+ "from hall_delivery_shipment where id = ? and status <> 'SIGNED' for update skip locked")
			.param(id)
			.query(Shipments::shipment)
			.optional();
		if (locked.isEmpty()) {
			return false;
		}
		Shipment s = locked.get();
		Optional<Carrier> carrier = carriers.stream().filter(c -> c.follows(s.carrier())).findFirst();
		if (carrier.isEmpty()) {
			return false;
		}
		ShipmentStatus at = s.status();
		for (Carrier.Report report : carrier.get().track(s.carrier(), s.trackingNumber(), s.postedAt())) {
			while (at.ordinal() < report.status().ordinal()) {
				ShipmentStatus next = ShipmentStatus.values()[at.ordinal() + 1];
				moveTo(s, at, next, report.at());
				at = next;
			}
		}
		if (at == s.status()) {
			return false;
		}
		if (at == ShipmentStatus.SIGNED) {
			tellSigned(s);
		}
		return true;
	}

	private void moveTo(Shipment s, ShipmentStatus from, ShipmentStatus to, Instant at) {
		OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		moves.move(s.id(), from, to, ShipmentEvents.of(to, s.id(), CaseId.of(s.caseId())), ShipmentStatus.GRAPH.conflictCode(),
				to == ShipmentStatus.SIGNED ? "received_at = ?" : "", to == ShipmentStatus.SIGNED ? new Object[] { when } : new Object[0]);
		jdbc.sql("insert into hall_delivery_status (shipment_id, status, status_order, at) values (?, ?, ?, ?) "
				+ "on conflict (shipment_id, status) do nothing")
			.params(s.id(), to.name(), to.ordinal(), when)
			.update();
	}

	private static Shipment shipment(ResultSet rs, int row) throws SQLException {
		OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
		return new Shipment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
				rs.getString("carrier"), rs.getString("tracking_number"), ShipmentStatus.valueOf(rs.getString("status")),
				rs.getObject("posted_at", OffsetDateTime.class).toInstant(), received == null ? null : received.toInstant());
	}

	private void tellSigned(Shipment s) {
		CaseId caseId = CaseId.of(s.caseId());
		Notice notice = cases.notice(caseId).orElseThrow();
		identity.contact(notice.applicantAccountId()).ifPresent(contact -> {
			Map<String, String> vars = new HashMap<>();
			vars.put("itemName", notice.itemName());
			vars.put("caseNumber", s.caseNumber() == null ? "" : s.caseNumber());
			vars.put("carrier", s.carrier());
			vars.put("trackingNumber", s.trackingNumber());
			notifications.notify(contact.recipient(),
					"DELIVERY_SIGNED", vars, baseUrl + "/cases/" + caseId, caseId.value());
		});
	}
}
