package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.casework.CaseEvents;
import tongban.casework.CaseManagement;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The hand-off from casework to feedback, as a Modulith {@code Scenario} drives it: {@code CaseConcluded} is published
 * in a transaction, the way casework publishes it; after the commit, feedback's listener (through the event
 * publication registry) invites the applicant to rate the case, in-app with a link to the rating page. A withdrawn case
 * is not rated. ({@code @ApplicationModuleTest} would start a second embedded database beside the suite's one, with the
 * casework and identity modules mocked; this test uses the suite's context and real cases instead.)
 */
class RatingInvitationsIT extends IntegrationTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	/** What a Scenario's {@code publish(…)} does: the event in a transaction of its own, so listeners run after the commit. */
	void publishInTransaction(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

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
	void aConcludedCaseInvitesItsApplicantToRateIt() {
		Citizen applicant = newCitizen("受邀评价人", 2);
		UUID caseId = TestCases.submittedSocialSecurityCard(cases, applicant);
		assertThat(invitations(caseId)).isZero();

		publishInTransaction(concluded(caseId, "APPROVED"));

		await().atMost(Duration.ofSeconds(20)).until(() -> invitations(caseId) == 1 && invitedInApp(applicant.id(), caseId) == 1);
		// once per case: the same fact again changes nothing
		publishInTransaction(concluded(caseId, "APPROVED"));
		await().atMost(Duration.ofSeconds(20)).until(() -> undelivered(caseId) == 0);
		assertThat(invitations(caseId)).isEqualTo(1);
		assertThat(invitedInApp(applicant.id(), caseId)).isEqualTo(1);
	}

	@Test
	void aWithdrawnCaseIsNotRated() {
		Citizen applicant = newCitizen("撤回的人", 2);
		UUID caseId = TestCases.submittedSocialSecurityCard(cases, applicant);

		publishInTransaction(concluded(caseId, "WITHDRAWN"));

		await().atMost(Duration.ofSeconds(20)).until(() -> undelivered(caseId) == 0);
		assertThat(invitations(caseId)).isZero();
		assertThat(invitedInApp(applicant.id(), caseId)).isZero();
	}

	/** The fact casework publishes (its outcome's type is casework's: one line to follow it). */
	static CaseEvents.CaseConcluded concluded(UUID caseId, String outcome) {
		return new CaseEvents.CaseConcluded(caseId, "TEST-" + caseId.toString().substring(0, 8), outcome);
	}
}
