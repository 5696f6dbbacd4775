package tongban.proactive.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status graphs of decisions, contests and payment orders hold exactly the moves the docs draw. */
class BenefitGraphsTest {

	@Test
	void anOfferIsConfirmedOnce() {
		assertThat(DecisionStatus.GRAPH.allows(DecisionStatus.OFFERED, DecisionStatus.GRANTED)).isTrue();
		assertThat(DecisionStatus.GRAPH.allows(DecisionStatus.GRANTED, DecisionStatus.OFFERED)).isFalse();
		assertThat(DecisionStatus.GRAPH.terminal()).containsExactly(DecisionStatus.GRANTED);
	}

	@Test
	void aContestIsAnsweredOnce() {
		assertThat(ContestStatus.GRAPH.next(ContestStatus.OPEN)).containsExactlyInAnyOrder(ContestStatus.UPHELD, ContestStatus.DISMISSED);
		assertThat(ContestStatus.GRAPH.terminal()).containsExactlyInAnyOrder(ContestStatus.UPHELD, ContestStatus.DISMISSED);
	}

	@Test
	void aPaymentIsPaidOnlyAfterItWasHandedOver() {
		assertThat(PaymentStatus.GRAPH.allows(PaymentStatus.CREATED, PaymentStatus.PAID)).isFalse();
		assertThat(PaymentStatus.GRAPH.allows(PaymentStatus.HANDED_OVER, PaymentStatus.PAID)).isTrue();
		assertThat(PaymentStatus.GRAPH.terminal()).containsExactlyInAnyOrder(PaymentStatus.PAID, PaymentStatus.FAILED);
		assertThat(PaymentStatus.GRAPH.edge(PaymentStatus.CREATED, PaymentStatus.HANDED_OVER).orElseThrow().event()).isEqualTo("PaymentHandedOver");
	}

	@Test
	void bankAccountsAreDigitsAndShownByTheirLastFour() {
		assertThat(BankAccounts.normalise("6222 0212 3456 7890 123")).contains("6222021234567890123");
		assertThat(BankAccounts.normalise("12ab")).isEmpty();
		assertThat(BankAccounts.normalise("123")).isEmpty();
		assertThat(BankAccounts.masked("6222021234567890123")).isEqualTo("**** **** **** 0123");
	}
}
