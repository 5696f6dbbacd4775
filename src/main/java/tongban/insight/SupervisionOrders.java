package tongban.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.insight.supervision.domain.OrderRepository;
import tongban.insight.supervision.domain.SupervisionTransitions;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;
import tongban.shared.WorkingCalendars;

/**
 * 督办单 (supervision orders): raised by the rules or issued by a region's supervisor, answered by the department's
 * admin with its measures, then closed, sent back or escalated to the city. A supervisor or leader sees the orders of
 * their region (and below), a department admin those of their department; any other order is "not found". Every step is
 * audited and publishes its edge's event ({@link SupervisionEvents}).
 */
@Service
@Transactional
public class SupervisionOrders {

	/** The audit kind of every step. */
	public static final String AUDIT_KIND = "SUPERVISION";

	public static final int MAX_SUBJECT = 200, MAX_TEXT = 2000, MAX_REFERENCE = 40, MAX_DAYS = 30;

	private final OrderRepository orders;
	private final GuardedMoves<SupervisionOrder.Status> moves;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final int answerDays;

	SupervisionOrders(OrderRepository orders, JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, DirectoryManagement directory,
			WorkingCalendars calendars, @Value("${tongban.insight.supervision.answer-days:3}") int answerDays) {
		this.orders = orders;
		this.moves = new GuardedMoves<>(jdbc, events, SupervisionTransitions.GRAPH, OrderRepository.TABLE);
		this.events = events;
		this.audit = audit;
		this.directory = directory;
		this.calendars = calendars;
		this.answerDays = answerDays;
	}

	/** An order a supervisor issues by hand: what about, which department, working days to answer, a case or ticket number. */
	public record NewOrder(String subject, String departmentCode, Integer days, String reference) {

		/** Message keys by field for what is wrong; empty when the order may be issued. */
		public Map<String, String> problems(boolean departmentKnown) {
			Map<String, String> out = new LinkedHashMap<>();
			if (subject == null || subject.isBlank()) {
				out.put("subject", "insight.order.error.subject");
			}
			else if (subject.strip().length() > MAX_SUBJECT) {
				out.put("subject", "insight.order.error.subjectLength");
			}
			if (departmentCode == null || departmentCode.isBlank()) {
				out.put("departmentCode", "insight.order.error.department");
			}
			else if (!departmentKnown) {
				out.put("departmentCode", "insight.order.error.departmentUnknown");
			}
			if (days == null || days < 1 || days > MAX_DAYS) {
				out.put("days", "insight.order.error.days");
			}
			if (reference != null && reference.strip().length() > MAX_REFERENCE) {
				out.put("reference", "insight.order.error.reference");
			}
			return out;
		}
	}

	/** Issues an order by hand to a department of the supervisor's region; refused field by field. */
	public SupervisionOrder issue(StaffMember supervisor, NewOrder order) {
		if (!supervisor.has(Role.SUPERVISOR)) {
			throw DomainException.notFound("page");
		}
		String prefix = IndicatorFilter.regionPrefix(regionOf(supervisor));
		var department = order.departmentCode() == null ? Optional.<DepartmentView>empty()
				: directory.departmentByCode(order.departmentCode().strip()).filter(d -> d.regionCode() != null && d.regionCode().startsWith(prefix));
		Map<String, String> problems = order.problems(department.isPresent());
		if (!problems.isEmpty()) {
			throw new InvalidInsightInput(problems);
		}
		String reference = order.reference() == null || order.reference().isBlank() ? null : order.reference().strip();
		SupervisionOrder issued = newOrder(SupervisionOrder.Rule.MANUAL, order.subject().strip(), department.orElseThrow().code(),
				department.get().regionCode(), reference, order.days(), supervisor.name());
		orders.insert(issued, UUID.randomUUID().toString());
		return published(orders.find(issued.id()).orElseThrow(), supervisor.name());
	}

	/**
	 * Raises the rule's order about {@code subjectKey} (a case id, ticket id …) for the department, with the rule's card
	 * and the configured working days to answer; empty when the rule already raised one about it (ever: a subject earns
	 * one card per rule), so a pass may run any number of times.
	 */
	public Optional<SupervisionOrder> raise(SupervisionOrder.Rule rule, String subjectKey, String subject, String departmentCode,
			String reference) {
		if (rule == SupervisionOrder.Rule.MANUAL || orders.raised(rule, subjectKey)) {
			return Optional.empty();
		}
		String region = directory.departmentByCode(departmentCode).map(DepartmentView::regionCode).orElse("");
		SupervisionOrder order = newOrder(rule, subject, departmentCode, region, reference, answerDays, "系统规则");
		if (!orders.insert(order, subjectKey)) {
			return Optional.empty();
		}
		return Optional.of(published(orders.find(order.id()).orElseThrow(), "系统规则"));
	}

	private SupervisionOrder newOrder(SupervisionOrder.Rule rule, String subject, String departmentCode, String region, String reference,
			int days, String by) {
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		LocalDate due = calendars.current().addWorkingDays(now.toLocalDate(), days);
		return new SupervisionOrder(UUID.randomUUID(), null, rule, subject, departmentCode, region, reference, rule.card(),
				SupervisionOrder.Status.ISSUED, due, by, now, null, null, null, null, null, null, null);
	}

	private SupervisionOrder published(SupervisionOrder order, String by) {
		audit.record(AUDIT_KIND, by, "order:" + order.number(), "签发督办单 " + order.number() + "（" + order.departmentCode() + "，"
				+ order.rule() + (order.card() == null ? "" : "，" + order.card()) + "，期限 " + order.due() + "）：" + order.subject());
		events.publishEvent(new SupervisionEvents.OrderIssued(order.id(), order.number(), order.departmentCode(), order.rule(), order.card()));
		return order;
	}

	/** The orders the staff member may see, filtered by status and rule (either may be null). */
	@Transactional(readOnly = true)
	public List<SupervisionOrder> visible(StaffMember staff, SupervisionOrder.Status status, SupervisionOrder.Rule rule) {
		if (staff.hasAny(Role.SUPERVISOR, Role.LEADER)) {
			return orders.list(new OrderRepository.Query(IndicatorFilter.regionPrefix(regionOf(staff)), null, status, rule));
		}
		if (staff.has(Role.DEPT_ADMIN) && staff.departmentCode() != null) {
			return orders.list(new OrderRepository.Query(null, staff.departmentCode(), status, rule));
		}
		return List.of();
	}

	/** One order the staff member may see; any other is not found. */
	@Transactional(readOnly = true)
	public SupervisionOrder find(StaffMember staff, UUID id) {
		return orders.find(id).filter(o -> sees(staff, o)).orElseThrow(() -> DomainException.notFound("order"));
	}

	/** Whether the staff member may see the order: their region's (supervisor, leader) or their department's (admin). */
	public boolean sees(StaffMember staff, SupervisionOrder order) {
		return staff.hasAny(Role.SUPERVISOR, Role.LEADER) && order.regionCode().startsWith(IndicatorFilter.regionPrefix(regionOf(staff)))
				|| answers(staff, order);
	}

	/** Whether the staff member answers for the order's department. */
	public boolean answers(StaffMember staff, SupervisionOrder order) {
		return staff.has(Role.DEPT_ADMIN) && order.departmentCode().equals(staff.departmentCode());
	}

	/** Whether the staff member decides on the order: a supervisor of its region; for an escalated one, of a higher level. */
	public boolean decides(StaffMember staff, SupervisionOrder order) {
		if (!staff.has(Role.SUPERVISOR) || !sees(staff, order)) {
			return false;
		}
		String prefix = IndicatorFilter.regionPrefix(regionOf(staff));
		return order.status() != SupervisionOrder.Status.ESCALATED || prefix.length() < IndicatorFilter.regionPrefix(order.regionCode()).length();
	}

	/** The department answers with the measures it took. */
	public void answer(StaffMember admin, UUID id, String measures) {
		SupervisionOrder order = find(admin, id);
		if (!answers(admin, order)) {
			throw DomainException.notFound("order");
		}
		String text = text(measures, "answer");
		moves.move(id, order.status(), SupervisionOrder.Status.ANSWERED, new SupervisionEvents.OrderAnswered(id, order.number(),
				order.departmentCode()), SupervisionTransitions.CONFLICT_CODE, "answer = ?, answered_by = ?, answered_at = now()", text, admin.name());
		audit.record(AUDIT_KIND, admin.name(), "order:" + order.number(), "答复督办单 " + order.number() + "：" + text);
	}

	/** The supervisor accepts the answer (or, at the city, settles an escalated order). */
	public void close(StaffMember supervisor, UUID id, String note) {
		decide(supervisor, id, SupervisionOrder.Status.CLOSED, note);
	}

	/** The answer is not enough: back to the department with a new deadline. */
	public void sendBack(StaffMember supervisor, UUID id, String note) {
		decide(supervisor, id, SupervisionOrder.Status.ISSUED, note);
	}

	/** Passed to the city: an answered order the district cannot settle, or one left unanswered past its deadline. */
	public void escalate(StaffMember supervisor, UUID id, String note) {
		decide(supervisor, id, SupervisionOrder.Status.ESCALATED, note);
	}

	private void decide(StaffMember supervisor, UUID id, SupervisionOrder.Status to, String note) {
		SupervisionOrder order = find(supervisor, id);
		if (!decides(supervisor, order)) {
			throw DomainException.notFound("order");
		}
		String text = text(note, "decision");
		String by = supervisor.name();
		switch (to) {
			case CLOSED -> moves.move(id, order.status(), to, new SupervisionEvents.OrderClosed(id, order.number(), order.departmentCode()),
					SupervisionTransitions.CONFLICT_CODE, "decision = ?, decided_by = ?, decided_at = now()", text, by);
			case ISSUED -> moves.move(id, order.status(), to, new SupervisionEvents.OrderReturned(id, order.number(), order.departmentCode()),
					SupervisionTransitions.CONFLICT_CODE, "decision = ?, decided_by = ?, decided_at = now(), due = ?", text, by,
					calendars.current().addWorkingDays(LocalDate.now(Clocks.ZONE), answerDays));
			case ESCALATED -> {
				if (order.status() == SupervisionOrder.Status.ISSUED && !order.late(LocalDate.now(Clocks.ZONE))) {
					throw new DomainException(DomainException.Kind.CONFLICT, "supervision-order-not-late", "the department may still answer");
				}
				String city = order.regionCode().length() >= 4 ? order.regionCode().substring(0, 4) + "00" : order.regionCode();
				moves.move(id, order.status(), to, new SupervisionEvents.OrderEscalated(id, order.number(), order.departmentCode(), city),
						SupervisionTransitions.CONFLICT_CODE, "decision = ?, decided_by = ?, decided_at = now(), escalated_to = ?", text, by, city);
			}
			default -> throw new IllegalArgumentException(to.name());
		}
		audit.record(AUDIT_KIND, by, "order:" + order.number(), "督办单 " + order.number() + " " + order.status() + " → " + to + "：" + text);
	}

	private static String text(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInsightInput(Map.of(field, "insight.order.error." + field));
		}
		if (value.strip().length() > MAX_TEXT) {
			throw new InvalidInsightInput(Map.of(field, "insight.order.error.textLength"));
		}
		return value.strip();
	}

	/** The region a member of staff oversees: their scope, else their department's region; "--" (nothing) without either. */
	public String regionOf(StaffMember staff) {
		if (staff.regionScope() != null && !staff.regionScope().isBlank()) {
			return staff.regionScope();
		}
		return staff.departmentCode() == null ? "--" : directory.departmentByCode(staff.departmentCode()).map(DepartmentView::regionCode).orElse("--");
	}

	/** Cards of the department issued in the days from..to inclusive (for the 考核 score). */
	@Transactional(readOnly = true)
	public long cards(String departmentCode, SupervisionOrder.Card card, LocalDate from, LocalDate to) {
		return orders.cards(departmentCode, card, from, to);
	}
}
