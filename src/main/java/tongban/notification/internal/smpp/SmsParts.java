package tongban.notification.internal.smpp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text as the short messages that carry it, in UCS-2 (SMPP 3.4 §5.2.19 data_coding 0x08, UTF-16 big-endian): up to
 * {@value #SINGLE} characters go as one message of 140 octets; a longer text is split into parts of {@value #PART}
 * characters, each starting with a concatenation header (3GPP TS 23.040 §9.2.3.24.1: information element 0x00, an
 * 8-bit reference, the number of parts and this part's number), so that the phone shows one text again. A part never
 * ends between the two halves of a character outside the Basic Multilingual Plane.
 */
public final class SmsParts {

	/** Characters of a text sent as one message: 140 octets of UCS-2. */
	public static final int SINGLE = 70;

	/** Characters of each part of a longer text: 140 octets less the 6 of the concatenation header. */
	public static final int PART = 67;

	/** The most parts a concatenation header can number. */
	static final int MAX_PARTS = 255;

	private SmsParts() {
	}

	/** One message: its payload (header and text) and whether it starts with a header (esm_class UDHI). */
	public record Part(byte[] payload, boolean udhi) {
	}

	/** What the header of one part says. */
	public record Header(int reference, int total, int number) {
	}

	/** The messages carrying {@code text}, the parts numbered under {@code reference} (0 to 255). */
	public static List<Part> split(String text, int reference) {
		if (text.length() <= SINGLE) {
			return List.of(new Part(text.getBytes(StandardCharsets.UTF_16BE), false));
		}
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(start + PART, text.length());
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			pieces.add(text.substring(start, end));
			start = end;
		}
		if (pieces.size() > MAX_PARTS) {
			throw new IllegalArgumentException("text too long for one concatenated message: " + text.length() + " characters");
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			ByteArrayOutputStream payload = new ByteArrayOutputStream();
			payload.writeBytes(new byte[] { 0x05, 0x00, 0x03, (byte) (reference & 0xFF), (byte) pieces.size(), (byte) (i + 1) });
			payload.writeBytes(pieces.get(i).getBytes(StandardCharsets.UTF_16BE));
			parts.add(new Part(payload.toByteArray(), true));
		}
		return parts;
	}

	/** The concatenation header at the start of a payload sent with UDHI, or null when it carries none. */
	public static Header header(byte[] payload) {
		if (payload.length < 1) {
			return null;
		}
		int length = payload[0] & 0xFF;
		int at = 1;
		while (at + 1 < 1 + length && at + 1 < payload.length) {
			int element = payload[at] & 0xFF;
			int size = payload[at + 1] & 0xFF;
			if (element == 0x00 && size == 3 && at + 4 < payload.length) {
				return new Header(payload[at + 2] & 0xFF, payload[at + 3] & 0xFF, payload[at + 4] & 0xFF);
			}
			if (element == 0x08 && size == 4 && at + 5 < payload.length) {
				return new Header(((payload[at + 2] & 0xFF) << 8) | (payload[at + 3] & 0xFF), payload[at + 4] & 0xFF, payload[at + 5] & 0xFF);
			}
			at += 2 + size;
		}
		return null;
	}

	/** The text of one payload, its user data header (when {@code udhi}) left out. */
	public static String text(byte[] payload, boolean udhi, byte dataCoding) {
		int skip = udhi && payload.length > 0 ? Math.min(payload.length, 1 + (payload[0] & 0xFF)) : 0;
		byte[] body = Arrays.copyOfRange(payload, skip, payload.length);
		return (dataCoding & 0xFF) == 0x08 ? new String(body, StandardCharsets.UTF_16BE) : new String(body, StandardCharsets.ISO_8859_1);
	}
}
