package tongban.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The platform's own request headers ({@code Tongban-Purpose}, {@code Tongban-Issue}, {@code Tongban-UserId} …) carry
 * UTF-8 text, percent-encoded as header values are ASCII; a client that sends raw UTF-8 bytes is understood too. One
 * reading for the controllers that use them and for {@link InputGuard}, which checks what they will read.
 */
public final class HeaderValues {

	/** Headers whose values the platform decodes this way. */
	public static final String OWN_PREFIX = "tongban-";

	private HeaderValues() {
	}

	/** A header value: percent-encoded UTF-8, or raw UTF-8 bytes that the server read as ISO-8859-1. */
	public static String decode(String raw) {
		if (raw == null) {
			return null;
		}
		try {
			if (raw.indexOf('%') >= 0) {
				return URLDecoder.decode(raw, StandardCharsets.UTF_8);
			}
		}
		catch (IllegalArgumentException e) {
			return raw;
		}
		return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}
}
