package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.approval.ApprovalManagement;
import tongban.identity.Actor;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * One promised date (预计办结日期) everywhere: a 即办件 submitted on any day, a Sunday included, is promised for a working
 * day, and the confirmation's date, 我的办件, the SMS and the approver's task (inbox and task page) all say that same day.
 * (The inbox used to show five working days to decide on acceptance while the applicant was told the day of submission.)
 */
class PromisedDateIT extends IntegrationTest {

	/** 社会保障卡挂失与补领: 即办件 of 区人力社保局. */
	static final String CARD_REPLACEMENT = "330106-GG-0001-02";

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	TaskService tasks;

	@Test
	void theSameWorkingDayOnEveryPageAndMessage() {
		Citizen me = newCitizen("承诺日期", 2);
		Actor a = TestCases.actor(me);
		CaseId id = applying.startDraft(a, CARD_REPLACEMENT);
		assertThat(applying.saveDraft(a, id, cases.find(a, id).orElseThrow().lockVersion(), Map.of("name", me.name(), "idNumber", me.idNumber(),
				"phone", me.mobile(), "reason", "遗失", "lostDate", "2026-12-01", "delivery", "窗口领取"), Map.of(), Map.of())).isEmpty();
		assertThat(applying.submit(a, id, cases.find(a, id).orElseThrow().submitToken())).isEmpty();

		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate promised = cases.find(a, id).orElseThrow().promisedDate();
		assertThat(calendars.current().isWorkingDay(promised)).as(promised + " is a working day").isTrue();
		assertThat(promised).as("handled on the day, or the next working day").isEqualTo(calendars.current().onOrAfter(today));

		assertThat(cases.mine(a)).filteredOn(k -> k.id().equals(id)).singleElement()
			.extracting(CaseSummary::promisedDate).isEqualTo(promised);
		Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
			.untilAsserted(() -> assertThat(lastSms(me.mobile())).contains(promised.toString()));

		var staffAccount = newStaff("XH-RLSB", Role.APPROVER, "日期审批");
		var staff = new StaffMember(staffAccount.id(), staffAccount.displayName(), "XH-RLSB", null, Set.of(Role.APPROVER));
		var task = tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).singleResult();
		assertThat(task.getDueDate().toInstant()).as("the inbox sorts and shows by this date")
			.isEqualTo(promised.atStartOfDay(Clocks.ZONE).toInstant());
		approval.claim(staff, task.getId());
		assertThat(approval.inbox(staff, new ApprovalManagement.InboxFilter(true, null, false), 0, 100))
			.filteredOn(t -> t.caseId().equals(id)).singleElement().extracting(ApprovalManagement.TaskView::due).isEqualTo(promised);
		assertThat(approval.task(staff, task.getId()).orElseThrow().due()).as("the task page").isEqualTo(promised);
	}
}
