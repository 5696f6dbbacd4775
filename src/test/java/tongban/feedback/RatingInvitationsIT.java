package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import tongban.casework.CaseEvents;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseOutcome;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The hand-off from casework to feedback, a module test with Spring Modulith's {@link Scenario} on the shared integration
 * context (the embedded database a module slice would have to start again): {@code CaseConcluded} is published in a
 * transaction, as casework publishes it; after the commit, feedback's listener (through the event publication registry)
 * invites the applicant to rate the case, in-app with a link to the rating page, once. A withdrawn case is not rated.
 */
@EnableScenarios
class RatingInvitationsIT extends IntegrationTest {

	static final Duration AT_MOST = Duration.ofSeconds(20);

	@Autowired
	Applying applying;

	long invitations(UUID caseId) {
		return jdbc.sql("select count(*) from feedback_invitation where case_id = ?").param(caseId).query(Long.class).single();
	}

	long invitedInApp(UUID accountId, UUID caseId) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'RATING_INVITED' and link like ?")
			.params(accountId, "%/cases/" + caseId + "/rating")
			.query(Long.class)
			.single();
	}

	/** Publications of events about the case not yet delivered to every listener (delivered ones are deleted). */
	long undelivered(UUID caseId) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + caseId + "%").query(Long.class).single();
	}

	@Test
	void aConcludedCaseInvitesItsApplicantToRateIt(Scenario scenario) {
		Citizen applicant = newCitizen("受邀评价人", 2);
		UUID caseId = TestCases.submittedSocialSecurityCard(applying, applicant).value();
		assertThat(invitations(caseId)).isZero();

		scenario.publish(concluded(caseId, CaseOutcome.APPROVED))
			.andWaitAtMost(AT_MOST)
			.andWaitForStateChange(() -> invitedInApp(applicant.id(), caseId), sent -> sent > 0)
			.andVerify(sent -> {
				assertThat(sent).isEqualTo(1);
				assertThat(invitations(caseId)).isEqualTo(1);
			});
		// once per case: the same fact again changes nothing
		scenario.publish(concluded(caseId, CaseOutcome.APPROVED))
			.andWaitAtMost(AT_MOST)
			.andWaitForStateChange(() -> undelivered(caseId), left -> left == 0)
			.andVerify(left -> {
				assertThat(invitations(caseId)).isEqualTo(1);
				assertThat(invitedInApp(applicant.id(), caseId)).isEqualTo(1);
			});
	}

	@Test
	void aWithdrawnCaseIsNotRated(Scenario scenario) {
		Citizen applicant = newCitizen("撤回的人", 2);
		UUID caseId = TestCases.submittedSocialSecurityCard(applying, applicant).value();

		scenario.publish(concluded(caseId, CaseOutcome.WITHDRAWN))
			.andWaitAtMost(AT_MOST)
			.andWaitForStateChange(() -> undelivered(caseId), left -> left == 0)
			.andVerify(left -> {
				assertThat(invitations(caseId)).isZero();
				assertThat(invitedInApp(applicant.id(), caseId)).isZero();
			});
	}

	/** The fact casework publishes. */
	static CaseEvents.CaseConcluded concluded(UUID caseId, CaseOutcome outcome) {
		return new CaseEvents.CaseConcluded(CaseId.of(caseId), "TEST-" + caseId.toString().substring(0, 8), outcome);
	}
}
