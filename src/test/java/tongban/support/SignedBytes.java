package tongban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tampering with a signed PDF in a way a test can trust: the bytes changed are found (not a search that missed and wrote
 * at index -1 + n), and lie inside the byte range the first signature's {@code /ByteRange [a b c d]} says it signed,
 * outside the {@code /Contents} hole. PDFBox compresses content streams and puts dictionaries in object streams, so a
 * text searched for in the raw file is often not there; callers choose a marker that is stored uncompressed (their own
 * uncompressed content stream, or the XMP metadata stream, which is never filtered).
 */
public final class SignedBytes {

	private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

	private SignedBytes() {
	}

	/** The first signature's byte range: {offset1, length1, offset2, length2}. */
	public static long[] byteRange(byte[] pdf) {
		Matcher range = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
		assertThat(range.find()).as("a /ByteRange in the signed PDF").isTrue();
		return new long[] { Long.parseLong(range.group(1)), Long.parseLong(range.group(2)), Long.parseLong(range.group(3)),
				Long.parseLong(range.group(4)) };
	}

	/** Whether the byte at {@code position} is covered by the first signature. */
	public static boolean signed(byte[] pdf, long position) {
		long[] range = byteRange(pdf);
		return position >= range[0] && position < range[0] + range[1] || position >= range[2] && position < range[2] + range[3];
	}

	/**
	 * A copy of {@code pdf} with the one occurrence of {@code marker} (UTF-8) replaced by {@code replacement} of the same
	 * length; fails the test when the marker is missing, occurs more than once, or any replaced byte lies outside the
	 * signed ranges.
	 */
	public static byte[] replaceSigned(byte[] pdf, String marker, String replacement) {
		byte[] from = marker.getBytes(StandardCharsets.UTF_8);
		byte[] to = replacement.getBytes(StandardCharsets.UTF_8);
		assertThat(to).as("same length, so no offset moves").hasSameSizeAs(from);
		assertThat(to).as("a real change").isNotEqualTo(from);
		int at = indexOf(pdf, from, 0);
		assertThat(at).as("the marker %s is stored uncompressed in the PDF", marker).isNotNegative();
		assertThat(indexOf(pdf, from, at + 1)).as("the marker %s occurs once", marker).isNegative();
		assertThat(signed(pdf, at) && signed(pdf, at + from.length - 1)).as("the marker at %d lies inside the signed byte range %s", at,
				Arrays.toString(byteRange(pdf))).isTrue();
		byte[] tampered = pdf.clone();
		System.arraycopy(to, 0, tampered, at, to.length);
		return tampered;
	}

	static int indexOf(byte[] haystack, byte[] needle, int from) {
		for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}
}
