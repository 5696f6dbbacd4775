package tongban.hall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The callback's signature and the notice number's check digit. */
class PaymentCallbackTest {

	private static final byte[] SECRET = "demo-secret".getBytes(StandardCharsets.UTF_8);

	private final PaymentCallback callback = new PaymentCallback("N1", "33010626000000000012", 8000L, "T1", "2026-12-07T10:00+08:00", null);

	@Test
	void theCanonicalTextListsTheFieldsInNameOrder() {
		assertThat(callback.canonical())
			.isEqualTo("amountFen=8000&noticeNumber=33010626000000000012&notificationId=N1&paidAt=2026-12-07T10:00+08:00&tradeNo=T1");
	}

	@Test
	void theSignatureIsHmacSha256OfTheCanonicalText() {
		// the RFC 4231-style reference below was checked with: openssl dgst -sha256 -hmac key
		assertThat(callback.signedWith(SECRET).signature()).isEqualTo(PaymentCallback.hmac(SECRET, callback.canonical()));
		assertThat(PaymentCallback.hmac("key".getBytes(StandardCharsets.UTF_8), "The quick brown fox jumps over the lazy dog"))
			.isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
	}

	@Test
	void aChangedFieldOrAnotherSecretBreaksTheSignature() {
		PaymentCallback signed = callback.signedWith(SECRET);
		assertThat(signed.signedBy(SECRET)).isTrue();
		assertThat(signed.signedBy("other".getBytes(StandardCharsets.UTF_8))).isFalse();
		PaymentCallback more = new PaymentCallback("N1", "33010626000000000012", 1L, "T1", "2026-12-07T10:00+08:00", signed.signature());
		assertThat(more.signedBy(SECRET)).isFalse();
		assertThat(new PaymentCallback("N1", "33010626000000000012", 8000L, "T1", "2026-12-07T10:00+08:00", null).signedBy(SECRET)).isFalse();
		assertThat(new PaymentCallback("N1", "33010626000000000012", 8000L, "T1", "2026-12-07T10:00+08:00", "zz").signedBy(SECRET)).isFalse();
	}

	@Test
	void noticeNumbersHaveTwentyDigitsAndALuhnCheckDigit() {
		String notice = NoticeNumbers.of("330106", 2026, 1);
		assertThat(notice).hasSize(20).startsWith("33010626").matches("\\d{20}");
		assertThat(NoticeNumbers.wellFormed(notice)).isTrue();
		// Luhn over 3301062600000000001: counted by hand (doubling 1, 2, 3 and keeping 6, 6, 1, 3: sum 28), the check digit is 2
		assertThat(notice).isEqualTo("33010626000000000012");
		char last = notice.charAt(19);
		assertThat(NoticeNumbers.wellFormed(notice.substring(0, 19) + (char) ('0' + (last - '0' + 1) % 10))).isFalse();
		assertThat(NoticeNumbers.wellFormed("3301062600000000001")).isFalse();
		assertThat(NoticeNumbers.wellFormed(null)).isFalse();
	}
}
