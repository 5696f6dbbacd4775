package tongban.insight.supervision.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.approval.ApprovalManagement;
import tongban.casework.CaseEvents;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.PauseView;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.feedback.LateRectifications;
import tongban.hotline.Ticket;
import tongban.hotline.Tickets;
import tongban.insight.IndicatorFilter;
import tongban.insight.SupervisionOrder;
import tongban.insight.SupervisionOrders;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;

/**
 * The rules of 电子监察 that raise 督办单 on their own: a scheduled pass over every region of the departments (clocks
 * yellow, red or stopped too long, 12345 tickets overdue, bad ratings not rectified in time) and a listener on 补正
 * requests (a second round breaks 一次性告知). Each raise is idempotent ({@link SupervisionOrders#raise}: one order per
 * rule and subject, ever), so the pass may run twice, or on two nodes at once.
 */
@Component
public class SupervisionRules {

	private final SupervisionOrders orders;
	private final ApprovalManagement approval;
	private final Cases cases;
	private final Tickets tickets;
	private final LateRectifications rectifications;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final int stoppedDays;

	SupervisionRules(SupervisionOrders orders, ApprovalManagement approval, Cases cases, Tickets tickets, LateRectifications rectifications,
			DirectoryManagement directory, WorkingCalendars calendars,
			@Value("${tongban.insight.supervision.stopped-days:20}") int stoppedDays) {
		this.orders = orders;
		this.approval = approval;
		this.cases = cases;
		this.tickets = tickets;
		this.rectifications = rectifications;
		this.directory = directory;
		this.calendars = calendars;
		this.stoppedDays = stoppedDays;
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #pass()}, unlocked. */
	@Scheduled(cron = "${tongban.insight.supervision.cron:0 */30 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "insight.supervision-rules", lockAtMostFor = "PT25M", lockAtLeastFor = "PT25M")
	void scheduledPass() {
		pass();
	}

	/** Every 30 minutes (and on demand): the orders the rules owe; returns how many were raised. */
	public int pass() {
		int raised = 0;
		for (String region : regions()) {
			raised += clocks(region) + tickets(region) + ratings(region);
		}
		return raised;
	}

	/** The districts of the departments (6-digit codes), each scanned once. */
	private TreeSet<String> regions() {
		TreeSet<String> out = new TreeSet<>();
		for (DepartmentView department : directory.departments()) {
			if (department.regionCode() != null && department.regionCode().matches("\\d{6}")) {
				out.add(department.regionCode());
			}
		}
		return out;
	}

	int clocks(String region) {
		int raised = 0;
		LocalDate today = LocalDate.now(Clocks.ZONE);
		for (ApprovalManagement.Warning warning : approval.warnings(region)) {
			String about = "办件 " + warning.caseNumber() + "（" + warning.itemName() + "）";
			Optional<SupervisionOrder> order = switch (warning.level()) {
				case YELLOW -> orders.raise(SupervisionOrder.Rule.CLOCK_YELLOW, warning.caseId().toString(), about + "即将到期（" + warning.due() + "）",
						warning.departmentCode(), warning.caseNumber());
				case RED -> orders.raise(SupervisionOrder.Rule.CLOCK_RED, warning.caseId().toString(), about + "已超过承诺期限（" + warning.due() + "）",
						warning.departmentCode(), warning.caseNumber());
				case PAUSED -> stopped(warning, about, today);
				case GREEN -> Optional.empty();
			};
			raised += order.isPresent() ? 1 : 0;
		}
		return raised;
	}

	/** A clock stopped by a 特别程序 for more than the configured working days: one order per pause. */
	private Optional<SupervisionOrder> stopped(ApprovalManagement.Warning warning, String about, LocalDate today) {
		Optional<PauseView> pause = cases.forStaff(warning.caseId()).stream().flatMap(c -> c.pauses().stream()).filter(p -> p.endedOn() == null)
			.findFirst();
		if (pause.isEmpty() || calendars.current().workingDaysBetween(pause.get().startedOn(), today) <= stoppedDays) {
			return Optional.empty();
		}
		return orders.raise(SupervisionOrder.Rule.CLOCK_STOPPED, warning.caseId() + ":" + pause.get().startedOn(),
				about + "的" + pause.get().kind() + "自 " + pause.get().startedOn() + " 起中止计时超过 " + stoppedDays + " 个工作日",
				warning.departmentCode(), warning.caseNumber());
	}

	int tickets(String region) {
		int raised = 0;
		for (Ticket ticket : tickets.overdue(IndicatorFilter.regionPrefix(region))) {
			if (ticket.leadDepartment() == null || ticket.due() == null) {
				continue;
			}
			raised += orders.raise(SupervisionOrder.Rule.TICKET_OVERDUE, ticket.id().toString(),
					"12345工单 " + ticket.number() + " 已超过办理时限（" + ticket.due().atZoneSameInstant(Clocks.ZONE).truncatedTo(ChronoUnit.MINUTES)
							.toLocalDateTime() + "）", ticket.leadDepartment(), ticket.number()).isPresent() ? 1 : 0;
		}
		return raised;
	}

	int ratings(String region) {
		int raised = 0;
		for (LateRectifications.Late late : rectifications.late(IndicatorFilter.regionPrefix(region))) {
			raised += orders.raise(SupervisionOrder.Rule.RECTIFICATION_OVERDUE, late.taskId().toString(),
					"差评整改任务未在期限（" + late.due() + "）内完成", late.departmentCode(), null).isPresent() ? 1 : 0;
		}
		return raised;
	}

	/** A second 补正 round on one case breaks 一次性告知 (行政许可法 Art. 32): rounds are counted by their request time. */
	@ApplicationModuleListener
	void on(CaseEvents.SupplementRequested event) {
		cases.forStaff(event.caseId()).filter(c -> rounds(c) >= 2).ifPresent(c -> orders.raise(SupervisionOrder.Rule.SUPPLEMENT_REPEATED,
				c.id().toString(), "办件 " + c.caseNumber() + "（" + c.itemName() + "）第 " + rounds(c) + " 次要求补正，未做到一次性告知",
				c.departmentCode(), c.caseNumber()));
	}

	/** 不予受理 without a reason code: the applicant cannot check the refusal against 行政许可法 Art. 32. */
	@ApplicationModuleListener
	void on(CaseEvents.CaseRefused event) {
		if (event.reasonCode() != null) {
			return;
		}
		cases.forStaff(event.caseId()).ifPresent(c -> orders.raise(SupervisionOrder.Rule.REFUSAL_WITHOUT_CODE, c.id().toString(),
				"办件 " + c.caseNumber() + "（" + c.itemName() + "）不予受理，未注明法定理由代码", c.departmentCode(), c.caseNumber()));
	}

	static long rounds(CaseView caseView) {
		return caseView.supplements().stream().map(s -> s.requestedAt().toInstant()).distinct().count();
	}
}
