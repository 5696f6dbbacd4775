package tongban.notification.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptTextTest {

	@Test
	void readsTheAppendixBFormat() {
		ReceiptText receipt = ReceiptText.parse("id:0123456789 sub:001 dlvrd:000 submit date:2612071030 done date:2612071031 stat:UNDELIV err:001 text:您的")
			.orElseThrow();
		assertThat(receipt).isEqualTo(new ReceiptText("0123456789", "UNDELIV", "001"));
		assertThat(receipt.failed()).isTrue();
		assertThat(receipt.delivered()).isFalse();
		assertThat(receipt.detail()).isEqualTo("stat:UNDELIV err:001");
	}

	@Test
	void readsLenientlyAndKnowsWhatIsFinal() {
		assertThat(ReceiptText.parse("ID:ab12 STAT:delivrd").orElseThrow()).satisfies(r -> {
			assertThat(r.id()).isEqualTo("ab12");
			assertThat(r.delivered()).isTrue();
			assertThat(r.err()).isEmpty();
		});
		ReceiptText enroute = ReceiptText.parse("id:1 stat:ENROUTE err:000").orElseThrow();
		assertThat(enroute.delivered() || enroute.failed()).isFalse();
		assertThat(ReceiptText.parse("stat:DELIVRD")).isEmpty();
		assertThat(ReceiptText.parse("hello")).isEmpty();
		assertThat(ReceiptText.parse(null)).isEmpty();
	}

	@Test
	void theCentresOwnReceiptReadsBack() {
		assertThat(ReceiptText.parse(ReceiptText.of("9f", "REJECTD", "0B")).orElseThrow()).isEqualTo(new ReceiptText("9f", "REJECTD", "0B"));
	}
}
