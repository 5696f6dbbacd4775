package tongban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuthenticatorTest {

	/** RFC 6238 Appendix B, SHA1 key "12345678901234567890" (base32 below); the 8-digit values end in these 6 digits. */
	@Test
	void matchesTheRfc6238TestVectors() {
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
		assertThat(Authenticator.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Authenticator.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Authenticator.code(secret, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
		assertThat(Authenticator.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}
}
