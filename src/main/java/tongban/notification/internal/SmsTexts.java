package tongban.notification.internal;

/**
 * Joins the text messages of one case that fall within the coalescing window into one: the sender's sign (【通办】)
 * once, each notice's sentence after the other, a notice already said not said twice. A text that would grow past
 * {@link #MAX_LENGTH} characters is not joined (the caller queues it on its own).
 */
public final class SmsTexts {

	/** Characters of a long SMS that gateways still deliver as one message (seven segments of 67). */
	public static final int MAX_LENGTH = 469;

	private SmsTexts() {
	}

	/** {@code held} with {@code next} added, or null when the result would be too long. */
	public static String merge(String held, String next) {
		String sign = sign(held);
		String rest = !sign.isEmpty() && next.startsWith(sign) ? next.substring(sign.length()) : next;
		if (held.contains(rest)) {
			return held;
		}
		String merged = held + rest;
		return merged.length() > MAX_LENGTH ? null : merged;
	}

	/** The leading 【…】 of a text, or empty. */
	static String sign(String text) {
		int end = text.indexOf('】');
		return text.startsWith("【") && end > 0 ? text.substring(0, end + 1) : "";
	}
}
