package tongban.hall.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.CaseId;
import tongban.casework.CaseSummary;
import tongban.casework.HallVisitCases;
import tongban.directory.DirectoryManagement;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.PointWindow;
import tongban.feedback.Clerk;
import tongban.feedback.Visit;
import tongban.feedback.VisitRatings;
import tongban.hall.Channel;
import tongban.hall.QueueEvents.TicketCalled;
import tongban.hall.QueueEvents.TicketRecalled;
import tongban.hall.QueueEvents.TicketSkipped;
import tongban.hall.QueueEvents.TicketTransferred;
import tongban.hall.QueueEvents.VisitClosed;
import tongban.hall.QueueEvents.VisitStarted;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.TicketStatus;
import tongban.hall.WindowStaff;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * 叫号 at a window: a clerk calls the next number ({@link CallOrder}), calls it again, marks it skipped (and may call a
 * skipped number again), transfers it to another window's series keeping its place, starts and closes the visit. A clerk
 * acts only at a window they are assigned to ({@link WindowStaff}) and only on numbers of its point; every step is in
 * the audit trail. Two clerks calling at once are served one after the other (a transaction lock on the point's queue of
 * the day), so they never get the same number.
 */
@Service
@Transactional
public class QueueCalling {

	/** Why a clerk gives a green-channel number. */
	public static final Set<String> PRIORITY_REASONS = Set.of("ELDERLY", "DISABLED", "PREGNANT");

	static final String AUDIT_KIND = "HALL_QUEUE";

	private final JdbcClient jdbc;
	private final QueueNumbers numbers;
	private final ServicePoints points;
	private final WindowStaff staffing;
	private final HallVisitCases cases;
	private final VisitRatings ratings;
	private final DirectoryManagement directory;
	private final AuditTrail audit;
	private final Clock clock;
	private final GuardedMoves<TicketStatus> moves;

	QueueCalling(JdbcClient jdbc, QueueNumbers numbers, ServicePoints points, WindowStaff staffing, HallVisitCases cases,
			VisitRatings ratings, DirectoryManagement directory, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.points = points;
		this.staffing = staffing;
		this.cases = cases;
		this.ratings = ratings;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.moves = new GuardedMoves<>(jdbc, events, TicketTransitions.GRAPH, "hall_queue_ticket");
	}

	/** The windows the clerk is assigned to. */
	@Transactional(readOnly = true)
	public List<PointWindow> windowsOf(StaffMember staff) {
		return staffing.windowsOf(staff.id()).stream().flatMap(id -> points.window(id).stream()).toList();
	}

	/** One of the clerk's windows; another window is "not found". */
	@Transactional(readOnly = true)
	public PointWindow window(StaffMember staff, UUID windowId) {
		if (windowId == null || !staffing.windowsOf(staff.id()).contains(windowId)) {
			throw DomainException.notFound("window");
		}
		return points.window(windowId).orElseThrow(() -> DomainException.notFound("window"));
	}

	/** The number the window has called or is serving, if any. */
	@Transactional(readOnly = true)
	public Optional<QueueTicket> current(StaffMember staff, UUID windowId) {
		PointWindow window = window(staff, windowId);
		return jdbc.sql("select id from hall_queue_ticket where window_id = ? and day = ? and status in ('CALLED', 'SERVING') order by called_at desc limit 1")
			.params(window.id(), today())
			.query(UUID.class)
			.optional()
			.flatMap(numbers::ticket);
	}

	/**
	 * 导办: a number for a visitor at the clerk's point. A green-channel number needs the reason the clerk saw
	 * ({@link #PRIORITY_REASONS}); refused otherwise ({@code hall-queue-priority-reason}).
	 */
	public QueueTicket takeForVisitor(StaffMember staff, UUID windowId, Series series, String priorityReason, String itemCode) {
		PointWindow window = window(staff, windowId);
		if (series == Series.G && (priorityReason == null || !PRIORITY_REASONS.contains(priorityReason))) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-queue-priority-reason", "a green-channel number needs its reason");
		}
		QueueTicket ticket = numbers.take(new QueueNumbers.Take(window.pointId(), series, Channel.CLERK, null, itemCode, null, null));
		if (series == Series.G) {
			jdbc.sql("update hall_queue_ticket set priority_reason = ? where id = ?").params(priorityReason, ticket.id()).update();
		}
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(),
				"取号 " + ticket.label() + (series == Series.G ? "（绿色通道：" + priorityReason + "）" : ""));
		return numbers.ticket(ticket.id()).orElseThrow();
	}

	/** 呼叫下一位: the next number of {@link CallOrder} at this window, or empty when nobody waits. */
	public Optional<QueueTicket> callNext(StaffMember staff, UUID windowId) {
		PointWindow window = window(staff, windowId);
		Series series = seriesOf(window);
		Instant now = clock.instant();
		LocalDate day = today();
		lockQueue(window.pointId(), day);
		requireFree(window);
		List<QueueTicket> waiting = numbers.waiting(window.pointId(), day);
		Optional<QueueTicket> next = CallOrder.next(waiting, window.id(), series, now);
		next.ifPresent(ticket -> call(staff, window, ticket, TicketStatus.WAITING, now));
		return next.flatMap(ticket -> numbers.ticket(ticket.id()));
	}

	/** Calls a skipped number of the window's point again, to this window. */
	public QueueTicket callSkipped(StaffMember staff, UUID windowId, UUID ticketId) {
		PointWindow window = window(staff, windowId);
		QueueTicket ticket = ticketAt(window, ticketId, false);
		lockQueue(window.pointId(), ticket.day());
		requireFree(window);
		call(staff, window, ticket, TicketStatus.SKIPPED, clock.instant());
		return numbers.ticket(ticketId).orElseThrow();
	}

	private void call(StaffMember staff, PointWindow window, QueueTicket ticket, TicketStatus from, Instant now) {
		moves.move(ticket.id(), from, TicketStatus.CALLED,
				new TicketCalled(ticket.id(), ticket.pointId(), ticket.label(), window.id(), window.number()), TicketTransitions.CONFLICT_CODE,
				"window_id = ?, clerk_account_id = ?, called_at = ?, target_window_id = null", window.id(), staff.id(), Timestamp.from(now));
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(), "叫号 " + ticket.label() + " → " + window.number() + " 号窗口");
	}

	/** 再次呼叫: the window's called number, announced again. */
	public QueueTicket recall(StaffMember staff, UUID windowId, UUID ticketId) {
		PointWindow window = window(staff, windowId);
		QueueTicket ticket = ticketAt(window, ticketId, true);
		moves.move(ticket.id(), TicketStatus.CALLED, TicketStatus.CALLED,
				new TicketRecalled(ticket.id(), ticket.pointId(), ticket.label(), window.id(), window.number()), TicketTransitions.CONFLICT_CODE,
				"recalls = recalls + 1, called_at = ?", Timestamp.from(clock.instant()));
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(), "再次呼叫 " + ticket.label());
		return numbers.ticket(ticketId).orElseThrow();
	}

	/** 过号: nobody came to the window; the number can be called again later. */
	public QueueTicket skip(StaffMember staff, UUID windowId, UUID ticketId) {
		PointWindow window = window(staff, windowId);
		QueueTicket ticket = ticketAt(window, ticketId, true);
		moves.move(ticket.id(), TicketStatus.CALLED, TicketStatus.SKIPPED, new TicketSkipped(ticket.id(), ticket.pointId(), ticket.label()),
				TicketTransitions.CONFLICT_CODE, "");
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(), "过号 " + ticket.label());
		return numbers.ticket(ticketId).orElseThrow();
	}

	/** 开始办理: the person came to the window. */
	public QueueTicket start(StaffMember staff, UUID windowId, UUID ticketId) {
		PointWindow window = window(staff, windowId);
		QueueTicket ticket = ticketAt(window, ticketId, true);
		moves.move(ticket.id(), TicketStatus.CALLED, TicketStatus.SERVING, new VisitStarted(ticket.id(), ticket.pointId(), ticket.label()),
				TicketTransitions.CONFLICT_CODE, "served_at = ?", Timestamp.from(clock.instant()));
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(), "开始办理 " + ticket.label());
		return numbers.ticket(ticketId).orElseThrow();
	}

	/**
	 * 转窗: back to waiting for another window of the same point (called only there, before its series' later numbers),
	 * keeping its place. A number waiting, called, skipped or being served may be transferred.
	 */
	public QueueTicket transfer(StaffMember staff, UUID windowId, UUID ticketId, UUID targetWindowId) {
		PointWindow window = window(staff, windowId);
		QueueTicket ticket = ticketAt(window, ticketId, false);
		PointWindow target = points.window(targetWindowId == null ? new UUID(0, 0) : targetWindowId)
			.filter(other -> other.pointId().equals(window.pointId()) && !other.id().equals(window.id()) && other.series() != null)
			.orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "hall-queue-transfer-window", "not another window of the point"));
		Series series = ticket.waitingSeries() == Series.G ? Series.G : seriesOf(target);
		moves.move(ticket.id(), ticket.status(), TicketStatus.WAITING,
				new TicketTransferred(ticket.id(), ticket.pointId(), ticket.label(), series, target.id()), TicketTransitions.CONFLICT_CODE,
				"waiting_series = ?, target_window_id = ?, window_id = null, clerk_account_id = null, called_at = null, served_at = null",
				series.name(), target.id());
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(), "转窗 " + ticket.label() + " → " + target.number() + " 号窗口");
		return numbers.ticket(ticketId).orElseThrow();
	}

	/** A case that can be linked to a visit. */
	public record LinkedCase(UUID caseId, String caseNumber, String itemName) {
	}

	/** What closing a visit did: the cases linked, how many counted as counter visits, the 好差评 visit opened. */
	public record Closed(QueueTicket ticket, List<LinkedCase> cases, int counted, Visit visit) {
	}

	/** The cases the clerk may link to this number's visit: the visitor's own recent cases when the number has an account. */
	@Transactional(readOnly = true)
	public List<CaseSummary> casesOfVisitor(StaffMember staff, UUID windowId, UUID ticketId) {
		QueueTicket ticket = ticketAt(window(staff, windowId), ticketId, true);
		return ticket.accountId() == null ? List.of() : cases.recentOf(ticket.accountId(), 10);
	}

	/**
	 * 结束办理: links the cases handled (chosen among the visitor's cases, or typed by case number), counts the visit for
	 * each case not already counted that day, and opens a 好差评 visit whose QR code the person scans. An unknown case
	 * number is refused ({@code hall-queue-case}) and nothing is closed.
	 */
	public Closed close(StaffMember staff, UUID windowId, UUID ticketId, List<UUID> visitorCaseIds, List<String> caseNumbers) {
		PointWindow window = window(staff, windowId);
		QueueTicket ticket = ticketAt(window, ticketId, true);
		List<LinkedCase> linked = new ArrayList<>();
		List<CaseSummary> own = ticket.accountId() == null ? List.of() : cases.recentOf(ticket.accountId(), 10);
		for (UUID id : visitorCaseIds) {
			CaseSummary found = own.stream().filter(c -> c.id().value().equals(id)).findFirst()
				.orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "hall-queue-case", "not a case of the visitor"));
			add(linked, found);
		}
		for (String number : caseNumbers) {
			if (number != null && !number.isBlank()) {
				add(linked, cases.byNumber(number)
					.orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "hall-queue-case", "no case with this number")));
			}
		}
		Instant now = clock.instant();
		Visit visit = ratings.openVisit(clerk(staff), window.id());
		moves.move(ticket.id(), TicketStatus.SERVING, TicketStatus.DONE, new VisitClosed(ticket.id(), ticket.pointId(), ticket.label(), linked.size()),
				TicketTransitions.CONFLICT_CODE, "closed_at = ?, feedback_visit_id = ?, feedback_token = ?", Timestamp.from(now), visit.id(),
				visit.token());
		int counted = 0;
		for (LinkedCase linkedCase : linked) {
			boolean count = cases.countVisit(CaseId.of(linkedCase.caseId()), now, staff.name(), window.id());
			counted += count ? 1 : 0;
			jdbc.sql("insert into hall_queue_visit_case (ticket_id, case_id, case_number, item_name, counted) values (?, ?, ?, ?, ?)")
				.params(ticket.id(), linkedCase.caseId(), linkedCase.caseNumber(), linkedCase.itemName(), count)
				.update();
		}
		audit.record(AUDIT_KIND, staff.name(), "ticket:" + ticket.id(), "结束办理 " + ticket.label() + "，关联办件 "
				+ String.join("、", linked.stream().map(LinkedCase::caseNumber).toList()));
		return new Closed(numbers.ticket(ticketId).orElseThrow(), linked, counted, visit);
	}

	/** The cases linked to a closed visit. */
	@Transactional(readOnly = true)
	public List<LinkedCase> linkedCases(UUID ticketId) {
		return jdbc.sql("select case_id, case_number, item_name from hall_queue_visit_case where ticket_id = ? order by case_number")
			.param(ticketId)
			.query(LinkedCase.class)
			.list();
	}

	private static void add(List<LinkedCase> linked, CaseSummary found) {
		if (linked.stream().noneMatch(l -> l.caseId().equals(found.id().value()))) {
			linked.add(new LinkedCase(found.id().value(), found.caseNumber(), found.itemName()));
		}
	}

	private Clerk clerk(StaffMember staff) {
		String region = staff.departmentCode() == null ? null
				: directory.departmentByCode(staff.departmentCode()).map(department -> department.regionCode()).orElse(null);
		return new Clerk(staff.id(), staff.name(), staff.departmentCode() == null ? "" : staff.departmentCode(), region == null ? "" : region);
	}

	/** A number of the window's point; {@code atWindow}: one this window called. Anything else is "not found". */
	private QueueTicket ticketAt(PointWindow window, UUID ticketId, boolean atWindow) {
		return numbers.ticket(ticketId)
			.filter(ticket -> ticket.pointId().equals(window.pointId()))
			.filter(ticket -> !atWindow || window.id().equals(ticket.windowId()))
			.orElseThrow(() -> DomainException.notFound("ticket"));
	}

	private void requireFree(PointWindow window) {
		boolean busy = jdbc.sql("select exists (select 1 from hall_queue_ticket where window_id = ? and day = ? and status in ('CALLED', 'SERVING'))")
			.params(window.id(), today())
			.query(Boolean.class)
			.single();
		if (busy) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-queue-window-busy", "the window has a number called or in service");
		}
	}

	/** One caller at a time per point and day: a transaction-scoped lock, released at commit or rollback. */
	private void lockQueue(UUID pointId, LocalDate day) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("hall-queue:" + pointId + ":" + day).query((rs, row) -> 1).single();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Clocks.ZONE));
	}

	static Series seriesOf(PointWindow window) {
		if (window.series() == null || window.series().isBlank()) {
			return Series.A;
		}
		return Series.valueOf(window.series().strip());
	}
}
