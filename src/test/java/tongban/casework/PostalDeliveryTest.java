package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tracking numbers as carriers print them (EMS numbers of the UPU S10 form, e.g. EA123456789CN). */
class PostalDeliveryTest {

	@Test
	void wellFormedNumbersOfEachCarrierAreTaken() {
		assertThat(PostalDelivery.of("中国邮政 EMS", " ea 123456789 cn").orElseThrow()).isEqualTo(new PostalDelivery("中国邮政 EMS", "EA123456789CN"));
		assertThat(PostalDelivery.of("中国邮政 EMS", "1180123456789").orElseThrow().problem()).isEmpty();
		assertThat(PostalDelivery.of("顺丰速运", "SF1234567890123").orElseThrow().problem()).isEmpty();
		assertThat(PostalDelivery.of("京东物流", "JDVA12345678901").orElseThrow().problem()).isEmpty();
	}

	@Test
	void wrongNumbersAndUnknownCarriersAreRefused() {
		assertThat(PostalDelivery.of("中国邮政 EMS", "EA12345678CN").orElseThrow().problem()).contains("delivery-tracking-format");
		assertThat(PostalDelivery.of("顺丰速运", "1234").orElseThrow().problem()).contains("delivery-tracking-format");
		assertThat(PostalDelivery.of("顺丰速运", "").orElseThrow().problem()).contains("delivery-tracking-format");
		assertThat(PostalDelivery.of("某某快递", "SF1234567890123").orElseThrow().problem()).contains("delivery-carrier");
		assertThat(PostalDelivery.of(" ", null)).isEmpty();
	}
}
