package tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

	/** RFC 6238 Appendix B, SHA1 key "12345678901234567890"; the 8-digit values end in these 6 digits. */
	@Test
	void matchesTheRfc6238TestVectors() {
		String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
		assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void verifiesWithinOneStepOfDriftOnly() {
		String secret = Totp.newSecret();
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		String code = Totp.code(secret, now);
		assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isTrue();
		assertThat(Totp.verify(secret, code, now.plusSeconds(95))).isFalse();
		assertThat(Totp.verify(secret, "abc123", now)).isFalse();
		assertThat(Totp.base32Decode(Totp.base32(new byte[] { 1, 2, 3, 4, 5 }))).containsExactly(1, 2, 3, 4, 5);
	}

	/** The step a code belongs to, so that a used one can be refused: 1111111109 s is step 37037036 (÷ 30, by hand). */
	@Test
	void namesTheStepOfTheCodeEvenWhenItDrifted() {
		String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
		Instant at = Instant.ofEpochSecond(1111111109);
		assertThat(Totp.matchingStep(secret, "081804", at)).hasValue(37037036L);
		assertThat(Totp.matchingStep(secret, "081804", at.plusSeconds(30))).as("one step late").hasValue(37037036L);
		assertThat(Totp.matchingStep(secret, "081805", at)).isEmpty();
	}
}
