package tongban.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.CaseClock;
import tongban.casework.CaseEvents;
import tongban.casework.CaseId;
import tongban.casework.CaseOutcome;
import tongban.casework.CaseSubmitted;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.Handling;
import tongban.casework.RefusalReason;
import tongban.casework.PostalDelivery;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ServiceGuide;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendars;

/**
 * Runs each submitted case through its item's BPMN template and lets staff work its tasks. A task is visible to a
 * staff member whose department and role match its candidate group ({@code <department code>:APPROVER}) or who has
 * claimed it; anyone else gets "not found". Every action is recorded on the case by the casework module.
 */
@Service
@Transactional
public class ApprovalManagement {

	/** Yellow when this many working days or fewer are left ({@code tongban.clock.warn-at}, default 2). */
	private final int warnAt;

	/** The candidate group of the staff member's department's tasks. */
	private static String group(StaffMember staff) {
		return staff.departmentCode() + ":APPROVER";
	}

	/** Only an approver of a department works tasks. */
	private static boolean works(StaffMember staff) {
		return staff.has(Role.APPROVER) && staff.departmentCode() != null;
	}

	public record TaskView(String taskId, String taskKey, String taskName, String assignee, CaseId caseId, String caseNumber,
			String itemName, String status, LocalDate due, Integer remaining, StatutoryClock.Level level, String reviewDepartment) {
	}

	/**
	 * A task's completion: the decision (none at 审查 and 送达), the opinion, the materials to supplement with their
	 * reasons; for 送达 of a result sent by post, the carrier and tracking number staff recorded.
	 */
	public record Decision(TaskDecision decision, String opinion, Map<Integer, String> supplements, String carrier, String trackingNumber,
			RefusalReason refusalReason) {

		public Decision(TaskDecision decision, String opinion, Map<Integer, String> supplements) {
			this(decision, opinion, supplements, null, null);
		}

		public Decision(TaskDecision decision, String opinion, Map<Integer, String> supplements, String carrier, String trackingNumber) {
			this(decision, opinion, supplements, carrier, trackingNumber, null);
		}

		/** The same completion with the ground of a 不予受理 (行政许可法 Art. 32) as its code, if one was chosen. */
		public Decision refusedOn(String refusalCode) {
			return new Decision(decision, opinion, supplements, carrier, trackingNumber, RefusalReason.parse(refusalCode).orElse(null));
		}

		/** A completion as a form or request sends it, the decision as its word ({@link TaskDecision#of}). */
		public static Decision of(String decision, String opinion, Map<Integer, String> supplements, String carrier, String trackingNumber) {
			return new Decision(TaskDecision.of(decision).orElse(null), opinion, supplements, carrier, trackingNumber);
		}

		public static Decision of(String decision, String opinion, Map<Integer, String> supplements) {
			return of(decision, opinion, supplements, null, null);
		}

		PostalDelivery postal() {
			return PostalDelivery.of(carrier, trackingNumber).orElse(null);
		}
	}

	private final RuntimeService runtime;
	private final TaskService tasks;
	private final Cases cases;
	private final Handling handling;
	private final CaseClock clock;
	private final CatalogManagement catalog;
	private final WorkingCalendars calendars;

	ApprovalManagement(RuntimeService runtime, TaskService tasks, Cases cases, Handling handling, CaseClock clock, CatalogManagement catalog,
			WorkingCalendars calendars, @Value("${tongban.clock.warn-at:2}") int warnAt) {
		if (warnAt < 0 || warnAt > 20) {
			throw new IllegalArgumentException("tongban.clock.warn-at must be 0 to 20 working days, not " + warnAt);
		}
		this.warnAt = warnAt;
		this.runtime = runtime;
		this.tasks = tasks;
		this.cases = cases;
		this.handling = handling;
		this.clock = clock;
		this.catalog = catalog;
		this.calendars = calendars;
	}

	/**
	 * Starts the item's process for a submitted case, inside the submission's transaction: the case and its process
	 * commit together or not at all (a process that cannot start rolls the submission back). The first task's due date
	 * (the case's promised date, the one the applicant was told) goes in as a process variable that {@link TaskDue} puts
	 * on every task as it is created, so no task is written twice.
	 */
	@EventListener
	public void on(CaseSubmitted event) {
		ServiceGuide g = catalog.version(event.itemCode(), event.itemVersion()).orElseThrow();
		Map<String, Object> vars = new HashMap<>();
		vars.put("caseId", event.caseId().toString());
		vars.put("department", event.departmentCode());
		if (!SINGLE_DEPARTMENT.contains(g.process())) {
			// a list is stored as a serialized byte array: only for the parallel template and uploaded processes
			vars.put("reviewDepartments", g.reviewDepartments().isEmpty() ? List.of(event.departmentCode()) : new ArrayList<>(g.reviewDepartments()));
		}
		vars.put("caseNumber", event.caseNumber());
		vars.put("itemName", g.name());
		vars.put(TaskDue.VARIABLE, TaskDue.date(event.promisedDate()));
		try {
			runtime.startProcessInstanceByKey(g.process(), event.caseId().toString(), vars);
		}
		catch (FlowableObjectNotFoundException missing) {
			// the item names a process that is not deployed: the submission rolls back and the draft stays as it was
			throw new DomainException(DomainException.Kind.CONFLICT, "process-unavailable", "no process " + g.process());
		}
	}

	/** Templates whose steps are all the item's own department's (they read no reviewDepartments). */
	private static final Set<String> SINGLE_DEPARTMENT = Set.of("case-immediate", "case-committed");

	/**
	 * Puts the due date on the open tasks of a case's process, so the inbox sorts by it in the database: the case's
	 * promised date as the casework module keeps it (counted from the submission, then from acceptance, moved by
	 * stopped days and an extension), the same date the applicant sees everywhere.
	 */
	void refreshDue(String processInstanceId, CaseId caseId) {
		CaseView c = cases.forStaff(caseId).orElseThrow();
		LocalDate due = c.promisedDate();
		boolean paused = c.paused();
		Date date = due == null ? null : TaskDue.date(due);
		runtime.setVariable(processInstanceId, "paused", paused);
		runtime.setVariable(processInstanceId, TaskDue.VARIABLE, date);
		for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
			tasks.setDueDate(t.getId(), date);
		}
	}

	private void refreshDue(CaseId caseId) {
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).list()
			.forEach(p -> refreshDue(p.getId(), caseId));
	}

	/** The applicant resubmitted the requested materials: the process waiting at 等待补正 goes back to acceptance. */
	@ApplicationModuleListener
	public void on(CaseEvents.SupplementProvided event) {
		// the receive task waits in a child execution, which carries no business key: find it through the instance
		for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(event.caseId().toString()).list()) {
			for (Execution x : runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("waitSupplement").list()) {
				runtime.trigger(x.getId());
			}
			refreshDue(instance.getId(), event.caseId());
		}
	}

	/** A withdrawn case stops its process. */
	@ApplicationModuleListener
	public void on(CaseEvents.CaseConcluded event) {
		if (event.outcome() == CaseOutcome.WITHDRAWN) {
			runtime.createProcessInstanceQuery().processInstanceBusinessKey(event.caseId().toString()).list()
				.forEach(p -> runtime.deleteProcessInstance(p.getId(), "withdrawn by the applicant"));
		}
	}

	/** Tasks the staff member may work: claimed by them, or open to their department; the least time left first. */
	@Transactional(readOnly = true)
	public List<TaskView> inbox(StaffMember staff) {
		if (!works(staff)) {
			return List.of();
		}
		return inbox(staff, 0, INBOX_PAGE);
	}

	public static final int INBOX_PAGE = 100;

	/**
	 * One page of the inbox, sorted by due date in the database (tasks carry their case's due date) with the case's
	 * number and item name read from process variables in the same query: no per-task lookups.
	 */
	@Transactional(readOnly = true)
	public List<TaskView> inbox(StaffMember staff, int page, int size) {
		return inbox(staff, InboxFilter.ALL, page, size);
	}

	/** Inbox filters: only tasks I claimed, only one step (accept, review …), only overdue or due within the warning. */
	public record InboxFilter(boolean mine, String step, boolean urgent) {

		public static final InboxFilter ALL = new InboxFilter(false, null, false);
	}

	@Transactional(readOnly = true)
	public List<TaskView> inbox(StaffMember staff, InboxFilter filter, int page, int size) {
		if (!works(staff)) {
			return List.of();
		}
		List<Task> found = query(staff, filter).includeProcessVariables().orderByDueDateNullsLast().asc().orderByTaskCreateTime().asc()
			.listPage(Math.max(0, page) * size, size);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<TaskView> out = new ArrayList<>();
		for (Task t : found) {
			Map<String, Object> v = t.getProcessVariables();
			Object caseId = v.get("caseId");
			if (caseId == null) {
				continue;
			}
			LocalDate due = dueOf(t);
			Integer remaining = due == null ? null : StatutoryClock.remaining(calendars.current(), today, due);
			StatutoryClock.Level level = due == null ? null : StatutoryClock.level(remaining, Boolean.TRUE.equals(v.get("paused")), warnAt);
			Object reviewDept = t.getTaskDefinitionKey().equals("review") ? tasks.getVariable(t.getId(), "reviewDepartment") : null;
			out.add(new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), CaseId.valueOf((String) caseId),
					(String) v.get("caseNumber"), (String) v.get("itemName"), null, due, remaining, level,
					reviewDept == null ? null : reviewDept.toString()));
		}
		return out;
	}

	/** How many tasks the inbox holds with this filter (all pages), for paging. */
	@Transactional(readOnly = true)
	public long inboxSize(StaffMember staff, InboxFilter filter) {
		return works(staff) ? query(staff, filter).count() : 0;
	}

	private TaskQuery query(StaffMember staff, InboxFilter filter) {
		var query = filter.mine() ? tasks.createTaskQuery().taskAssignee(staff.id().toString())
				: tasks.createTaskQuery().or().taskCandidateGroup(group(staff)).taskAssignee(staff.id().toString()).endOr();
		if (filter.step() != null && ProcessStep.of(filter.step()).isPresent()) {
			query = query.taskDefinitionKey(filter.step());
		}
		if (filter.urgent()) {
			LocalDate limit = calendars.current().addWorkingDays(LocalDate.now(Clocks.ZONE), warnAt);
			query = query.taskDueBefore(Date.from(limit.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant()));
		}
		return query;
	}

	@Transactional(readOnly = true)
	public Optional<TaskView> task(StaffMember staff, String taskId) {
		return visible(staff, taskId).flatMap(this::view);
	}

	public void claim(StaffMember staff, String taskId) {
		Task t = visible(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		if (t.getAssignee() != null && !t.getAssignee().equals(staff.id().toString())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "task-claimed", "claimed by someone else");
		}
		tasks.claim(taskId, staff.id().toString());
	}

	public void unclaim(StaffMember staff, String taskId) {
		Task t = visible(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		if (staff.id().toString().equals(t.getAssignee())) {
			tasks.unclaim(taskId);
		}
	}

	/**
	 * Completes a task with a decision: 受理 (accept, supplement, refuse; the 即办件 task also approve or deny), 审查
	 * (an opinion), 决定 (approve or deny with reasons), 送达. The case records it; the process moves on.
	 */
	public void complete(StaffMember staff, String taskId, Decision decision) {
		Task t = visible(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		if (t.getAssignee() != null && !t.getAssignee().equals(staff.id().toString())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "task-claimed", "claimed by someone else");
		}
		CaseId caseId = CaseId.valueOf((String) runtime.getVariable(t.getExecutionId(), "caseId"));
		ProcessStep step = ProcessStep.of(t.getTaskDefinitionKey()).orElseThrow(ApprovalManagement::invalid);
		TaskDecision chosen = decision.decision();
		String opinion = decision.opinion() == null ? "" : decision.opinion().strip();
		String name = staff.name();
		switch (step) {
			case ACCEPT, HANDLE -> {
				if (chosen == null) {
					throw invalid();
				}
				switch (chosen) {
					case ACCEPT -> {
						if (step != ProcessStep.ACCEPT) {
							throw invalid();
						}
						handling.accept(caseId, name);
					}
					case SUPPLEMENT -> handling.requestSupplements(caseId, name, decision.supplements() == null ? Map.of() : decision.supplements());
					case REFUSE -> handling.refuse(caseId, name, decision.refusalReason(), required(opinion));
					case APPROVE, DENY -> {
						if (step != ProcessStep.HANDLE) {
							throw invalid();
						}
						boolean approve = chosen == TaskDecision.APPROVE;
						handling.accept(caseId, name);
						handling.decide(caseId, staff, approve, approve ? opinion : required(opinion));
						if (approve) {
							handling.deliver(caseId, name, opinion, decision.postal());
						}
					}
				}
			}
			case REVIEW -> handling.review(caseId, name, (String) tasks.getVariable(taskId, "reviewDepartment"), required(opinion));
			case DECIDE -> {
				if (chosen != TaskDecision.APPROVE && chosen != TaskDecision.DENY) {
					throw invalid();
				}
				boolean approve = chosen == TaskDecision.APPROVE;
				handling.decide(caseId, staff, approve, approve ? opinion : required(opinion));
			}
			case DELIVER -> handling.deliver(caseId, name, opinion, decision.postal());
		}
		String instance = t.getProcessInstanceId();
		tasks.complete(taskId, Map.of("decision", chosen == null ? "" : chosen.word()));
		if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
			refreshDue(instance, caseId);
		}
	}

	/** 特别程序, its end, or an extension, on the case of a task the staff member may work; none named is refused. */
	public void clockAction(StaffMember staff, String taskId, ClockAction action, String kind, String text, Integer days, String approvedBy) {
		CaseView c = caseOf(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		if (action == null) {
			throw invalid();
		}
		switch (action) {
			case SPECIAL_START -> clock.startSpecialProcedure(c.id(), staff.name(), kind, text);
			case SPECIAL_END -> clock.endSpecialProcedure(c.id(), staff.name(), text);
			case EXTEND -> clock.extend(c.id(), staff.name(), days == null ? 0 : days, text, approvedBy);
		}
		refreshDue(c.id());
	}

	/** A case whose clock warns: for supervisors. */
	public record Warning(CaseId caseId, String caseNumber, String itemName, String departmentCode, LocalDate due, int remaining,
			StatutoryClock.Level level) {
	}

	/**
	 * Every yellow (≤ {@code tongban.clock.warn-at} working days left), red (overdue) or stopped clock of the cases underway in the
	 * region (a code like 330106, or 330100 for a whole city), the most urgent first.
	 */
	@Transactional(readOnly = true)
	public List<Warning> warnings(String region) {
		if (region == null || !region.matches("\\d{6}")) {
			return List.of();
		}
		String prefix = ItemFilter.regionPrefix(region);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<Warning> out = new ArrayList<>();
		for (CaseId id : cases.underway(prefix)) {
			CaseView c = cases.forStaff(id).orElseThrow();
			if (c.promisedDate() == null) {
				continue;
			}
			// the promised date the applicant and the inbox see, whatever the item's unit of time
			int remaining = StatutoryClock.remaining(calendars.current(), today, c.promisedDate());
			StatutoryClock.Level level = StatutoryClock.level(remaining, c.paused(), warnAt);
			if (level != StatutoryClock.Level.GREEN) {
				out.add(new Warning(c.id(), c.caseNumber(), c.itemName(), c.departmentCode(), c.promisedDate(), remaining, level));
			}
		}
		out.sort(Comparator.comparingInt(Warning::remaining));
		return out;
	}

	/** The case behind a task the staff member may see. */
	@Transactional(readOnly = true)
	public Optional<CaseView> caseOf(StaffMember staff, String taskId) {
		return visible(staff, taskId).map(t -> CaseId.valueOf((String) runtime.getVariable(t.getExecutionId(), "caseId")))
			.flatMap(cases::forStaff);
	}

	private static String required(String opinion) {
		if (opinion == null || opinion.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "opinion-required", "give the reasons");
		}
		return opinion;
	}

	private static DomainException invalid() {
		return new DomainException(DomainException.Kind.INVALID, "decision-invalid", "not a decision this task takes");
	}

	private Optional<Task> visible(StaffMember staff, String taskId) {
		if (!works(staff) || taskId == null || taskId.length() > 64) {
			return Optional.empty();
		}
		return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).or().taskCandidateGroup(group(staff))
			.taskAssignee(staff.id().toString()).endOr().singleResult());
	}

	private static LocalDate dueOf(Task t) {
		return t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(Clocks.ZONE).toLocalDate();
	}

	private Optional<TaskView> view(Task t) {
		Object id = runtime.getVariable(t.getExecutionId(), "caseId");
		if (id == null) {
			return Optional.empty();
		}
		return cases.forStaff(CaseId.valueOf((String) id)).map(c -> {
			// the case's promised date, as the applicant and the inbox see it
			LocalDate due = c.promisedDate();
			LocalDate today = LocalDate.now(Clocks.ZONE);
			Integer remaining = due == null ? null : StatutoryClock.remaining(calendars.current(), today, due);
			StatutoryClock.Level level = due == null ? null : StatutoryClock.level(remaining, c.paused(), warnAt);
			Object reviewDept = t.getTaskDefinitionKey().equals("review") ? tasks.getVariable(t.getId(), "reviewDepartment") : null;
			return new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), c.id(), c.caseNumber(),
					c.itemName(), c.status().name(), due, remaining, level, reviewDept == null ? null : reviewDept.toString());
		});
	}

}
