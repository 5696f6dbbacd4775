package tongban.notification.internal.smpp;

/**
 * The sender's signature (短信签名, e.g. 【通办】) every text sent to a phone must carry, as the carriers require of
 * registered senders. A text that already begins with the platform's own sign 【通办】 gets the configured signature in
 * its place (an installation registers its own, say 【杭州通办】); a text that begins with another sign (12345's
 * 【12345】) keeps it, since that service sends under its own registered name; a text with no sign gets the configured
 * one before it. An empty signature leaves every text as it is.
 */
final class SmsSignature {

	/** The sign the platform's texts are written with. */
	static final String PLATFORM = "【通办】";

	private final String signature;

	SmsSignature(String signature) {
		this.signature = signature == null ? "" : signature;
	}

	String apply(String text) {
		if (signature.isEmpty()) {
			return text;
		}
		if (text.startsWith(PLATFORM)) {
			return signature + text.substring(PLATFORM.length());
		}
		int end = text.indexOf('】');
		if (text.startsWith("【") && end > 1) {
			return text;
		}
		return signature + text;
	}
}
