package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.Cases;
import tongban.casework.EventView;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * 并联审批: 食品经营许可（新办） is reviewed by 市场监管 and 卫健 at the same time; the decision waits for both, a decision
 * the step does not take is refused with nothing changed, and each department sees only its own review.
 */
class ParallelReviewIT extends IntegrationTest {

	@Autowired
	tongban.identity.Representation companies;

	static final String ITEM = "330106-XK-0001-01";
	static final String USCC = "91330106MA2H3L5Y4T";

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	private static StaffMember staff(String department) {
		return new StaffMember(UUID.randomUUID(), "审批员" + department, department, null, Set.of(Role.APPROVER));
	}

	private List<ApprovalManagement.TaskView> tasksOf(StaffMember s, CaseId caseId) {
		return approval.inbox(s).stream().filter(t -> t.caseId().equals(caseId)).toList();
	}

	@Test
	void twoDepartmentsReviewBeforeTheDecision() {
		Citizen me = newCitizen("并联测试", 2);
		CaseId id = TestCases.submittedFoodLicence(applying, companies, me, USCC, "西湖测试餐饮店").caseId();

		var market = staff("XH-SCJG");
		var health = staff("XH-WJ");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !tasksOf(market, id).isEmpty());
		var accept = tasksOf(market, id).getFirst();
		assertThat(accept.taskKey()).isEqualTo("accept");
		assertThat(tasksOf(health, id)).as("卫健 has nothing before acceptance").isEmpty();

		var wrong = ApprovalManagement.Decision.of("approve", "", Map.of());
		assertThat(Assertions.catchThrowable(() -> approval.complete(market, accept.taskId(), wrong)))
			.hasMessageContaining("not a decision");
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);

		approval.complete(market, accept.taskId(), ApprovalManagement.Decision.of("accept", "", Map.of()));
		var marketReview = tasksOf(market, id);
		var healthReview = tasksOf(health, id);
		assertThat(marketReview).extracting(ApprovalManagement.TaskView::taskKey).containsExactly("review");
		assertThat(healthReview).extracting(ApprovalManagement.TaskView::taskKey).containsExactly("review");
		assertThat(healthReview.getFirst().reviewDepartment()).isEqualTo("XH-WJ");
		assertThat(marketReview.getFirst().remaining()).as("the clock runs from acceptance").isEqualTo(3);

		approval.complete(health, healthReview.getFirst().taskId(), ApprovalManagement.Decision.of("", "从业人员健康证明齐全", Map.of()));
		assertThat(tasksOf(market, id)).extracting(ApprovalManagement.TaskView::taskKey).as("the decision waits for 市场监管's review")
			.containsExactly("review");
		approval.complete(market, marketReview.getFirst().taskId(), ApprovalManagement.Decision.of("", "场所布局合理", Map.of()));
		var decide = tasksOf(market, id);
		assertThat(decide).extracting(ApprovalManagement.TaskView::taskKey).containsExactly("decide");
		assertThat(Assertions.catchThrowable(() -> approval.complete(market, decide.getFirst().taskId(),
				ApprovalManagement.Decision.of("deny", " ", Map.of())))).as("a denial needs its reasons").hasMessageContaining("reasons");
		approval.complete(market, decide.getFirst().taskId(), ApprovalManagement.Decision.of("deny", "经营场所与住宅距离不符合要求", Map.of()));
		var concluded = cases.forStaff(id).orElseThrow();
		assertThat(concluded.status()).isEqualTo(CaseStatus.DENIED);
		assertThat(concluded.events()).extracting(EventView::note).contains("XH-WJ：从业人员健康证明齐全",
				"XH-SCJG：场所布局合理", "经营场所与住宅距离不符合要求");
		assertThat(tasksOf(market, id)).isEmpty();
	}
}
