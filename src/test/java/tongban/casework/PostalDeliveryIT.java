package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.DomainException;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * Issue 16 point 5: an applicant who chose 免费邮寄 is not 送达 in one click: the step needs the carrier and a
 * well-formed tracking number, and the applicant then sees both on the case's timeline.
 */
class PostalDeliveryIT extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Test
	void aPostalDeliveryIsDeliveredOnlyWithItsTrackingNumber() {
		Citizen me = newCitizen("邮寄领卡", 2);
		var a = TestCases.actor(me);
		CaseId id = TestCases.submittedSocialSecurityCardByPost(applying, me);
		handling.accept(id, "受理员");
		handling.decide(id, TestCases.approver("审批员"), true, null);

		assertThat(catchThrowableOfType(DomainException.class, () -> handling.deliver(id, "送达员", "已寄出")).code())
			.as("one click is not enough").isEqualTo("delivery-tracking");
		assertThat(catchThrowableOfType(DomainException.class,
				() -> handling.deliver(id, "送达员", null, PostalDelivery.of("中国邮政 EMS", "EA12345CN").orElseThrow())).code())
			.isEqualTo("delivery-tracking-format");
		assertThat(cases.find(a, id).orElseThrow().status()).isEqualTo(CaseStatus.APPROVED);

		handling.deliver(id, "送达员", null, PostalDelivery.of("中国邮政 EMS", "ea123456789cn").orElseThrow());
		var c = cases.find(a, id).orElseThrow();
		assertThat(c.status()).isEqualTo(CaseStatus.CONCLUDED);
		assertThat(c.events().getLast().note()).isEqualTo("邮寄送达：中国邮政 EMS，运单号 EA123456789CN");
	}

	@Test
	void aResultCollectedAtTheCounterIsDeliveredAsBefore() {
		Citizen me = newCitizen("窗口领卡", 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, me);
		handling.accept(id, "受理员");
		handling.decide(id, TestCases.approver("审批员"), true, null);
		handling.deliver(id, "送达员", "已领取");
		assertThat(cases.find(TestCases.actor(me), id).orElseThrow().status()).isEqualTo(CaseStatus.CONCLUDED);
	}
}
