package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseSubmitted;
import tongban.casework.Submission;
import tongban.identity.Actor;
import tongban.shared.Upload;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The hand-off between casework and approval (ADR 0005): submitting a case publishes {@link CaseSubmitted}, and approval
 * starts the item's process on it inside the submission's transaction, so when the submission has committed the process
 * is there, keyed by the case, with the case's number and due date. A module test with Spring Modulith's
 * {@link Scenario}, on the shared integration context (the embedded database and Flowable engine a module slice would
 * have to rebuild).
 */
@EnableScenarios
class CaseSubmittedHandOffIT extends IntegrationTest {

	@Autowired
	Applying applying;

	@Autowired
	RuntimeService runtime;

	@Test
	void aSubmittedCaseStartsItsItemsProcess(Scenario scenario) {
		Citizen me = newCitizen("交接测试", 2);
		Actor a = TestCases.actor(me);
		CaseId id = applying.startDraft(a, ApplyOnlineJourneyIT.ITEM);
		var problems = applying.saveDraft(a, id, applying.draft(a, id).lockVersion(),
				Map.of("region", "330106", "bank", "中国银行", "delivery", "窗口领取"), Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)),
				Map.of());
		assertThat(problems).isEmpty();
		var token = applying.draft(a, id).submitToken();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).isZero();

		scenario.stimulate(() -> applying.submitNumbered(a, id, token))
			.andWaitForEventOfType(CaseSubmitted.class)
			.matchingMappedValue(CaseSubmitted::caseId, id)
			.toArriveAndVerify((CaseSubmitted event, Submission submission) -> {
				assertThat(event.caseNumber()).isEqualTo(submission.caseNumber());
				assertThat(event.promisedDate()).isEqualTo(submission.promisedDate());
				var process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).includeProcessVariables()
					.singleResult();
				assertThat(process).as("the process started with the submission").isNotNull();
				assertThat(process.getProcessVariables()).containsEntry("caseId", id.toString())
					.containsEntry("caseNumber", submission.caseNumber());
			});
	}
}
