package tongban.notification.internal.smpp;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tongban.shared.Clocks;

/**
 * The text of an SMSC delivery receipt (SMPP 3.4 Appendix B, the de-facto format: {@code id:IIIIIIIIII sub:SSS
 * dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…}), read leniently: centres differ in
 * case, order and the width of the id.
 *
 * @param id the message id the centre answered to submit_sm
 * @param stat the final state: DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN, REJECTD (ENROUTE is not final)
 * @param err the network's error code as given, or empty
 */
record ReceiptText(String id, String stat, String err) {

	private static final Pattern ID = Pattern.compile("(?i)\\bid:(\\S+)");
	private static final Pattern STAT = Pattern.compile("(?i)\\bstat:(\\w+)");
	private static final Pattern ERR = Pattern.compile("(?i)\\berr:(\\w+)");

	/** The receipt a text holds, or empty when it has no id or no state. */
	static Optional<ReceiptText> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher id = ID.matcher(text);
		Matcher stat = STAT.matcher(text);
		if (!id.find() || !stat.find()) {
			return Optional.empty();
		}
		Matcher err = ERR.matcher(text);
		return Optional.of(new ReceiptText(id.group(1), stat.group(1).toUpperCase(Locale.ROOT), err.find() ? err.group(1) : ""));
	}

	/** Delivered to the phone. */
	boolean delivered() {
		return stat.equals("DELIVRD");
	}

	/** A final state other than delivered: the message will not arrive. */
	boolean failed() {
		return switch (stat) {
			case "UNDELIV", "REJECTD", "EXPIRED", "DELETED", "UNKNOWN" -> true;
			default -> false;
		};
	}

	/** How the carrier's verdict reads in the message's history. */
	String detail() {
		return "stat:" + stat + (err.isEmpty() ? "" : " err:" + err);
	}

	/** The receipt text a centre sends for a message (the demo's and the tests' centres). */
	static String of(String id, String stat, String err) {
		String now = DateTimeFormatter.ofPattern("yyMMddHHmm").format(ZonedDateTime.now(Clocks.ZONE));
		return "id:" + id + " sub:001 dlvrd:" + ("DELIVRD".equals(stat) ? "001" : "000") + " submit date:" + now + " done date:" + now
				+ " stat:" + stat + " err:" + err + " text:";
	}
}
