package tongban.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The tamper helper refuses what would make a tamper test pass for the wrong reason. */
class SignedBytesTest {

	/**
	 * A file laid out like a signed PDF: bytes 0–39 signed, 40–59 the signature's /Contents hole, 60–79 signed. The
	 * ByteRange sits inside the first signed part, as in a real signature dictionary.
	 */
	private static byte[] file(String signedStart, String hole, String signedEnd) {
		String first = signedStart + " /ByteRange [0 40 60 20]";
		String text = pad(first, 40) + pad(hole, 20) + pad(signedEnd, 20);
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String pad(String s, int length) {
		assertThat(s.length()).isLessThanOrEqualTo(length);
		return s + ".".repeat(length - s.length());
	}

	@Test
	void readsTheRangesAndTellsSignedFromUnsigned() {
		byte[] pdf = file("(A1)", "<HOLE>", "(B2)");
		assertThat(SignedBytes.byteRange(pdf)).containsExactly(0, 40, 60, 20);
		assertThat(SignedBytes.signed(pdf, 0)).isTrue();
		assertThat(SignedBytes.signed(pdf, 39)).isTrue();
		assertThat(SignedBytes.signed(pdf, 40)).isFalse();
		assertThat(SignedBytes.signed(pdf, 59)).isFalse();
		assertThat(SignedBytes.signed(pdf, 60)).isTrue();
		assertThat(SignedBytes.signed(pdf, 80)).isFalse();
	}

	@Test
	void replacesAMarkerInsideTheSignedBytes() {
		byte[] pdf = file("(A1)", "<HOLE>", "(B2)");
		byte[] tampered = SignedBytes.replaceSigned(pdf, "(B2)", "(B3)");
		assertThat(new String(tampered, StandardCharsets.ISO_8859_1)).contains("(B3)").doesNotContain("(B2)");
		assertThat(tampered).hasSameSizeAs(pdf);
	}

	@Test
	void refusesAMarkerThatIsMissingRepeatedOrUnsigned() {
		byte[] pdf = file("(A1) (A1)", "<HOLE>", "(B2)");
		assertThatThrownBy(() -> SignedBytes.replaceSigned(pdf, "(C3)", "(C4)")).isInstanceOf(AssertionError.class)
			.hasMessageContaining("stored uncompressed");
		assertThatThrownBy(() -> SignedBytes.replaceSigned(pdf, "(A1)", "(A2)")).isInstanceOf(AssertionError.class)
			.hasMessageContaining("occurs once");
		assertThatThrownBy(() -> SignedBytes.replaceSigned(pdf, "<HOLE>", "<HOLY>")).isInstanceOf(AssertionError.class)
			.hasMessageContaining("inside the signed byte range");
		assertThatThrownBy(() -> SignedBytes.replaceSigned(pdf, "(B2)", "(B2)")).isInstanceOf(AssertionError.class);
	}
}
