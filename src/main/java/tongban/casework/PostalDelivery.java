package tongban.casework;

import java.util.Collections;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A result sent by post (邮寄送达): the carrier and its tracking number, recorded by staff before the case is 送达.
 * Tracking numbers are checked against each carrier's published form (EMS: two letters, nine digits, CN, as UPU S10,
 * or 13 digits starting with 1; 顺丰: SF and 12 to 13 digits; 京东: JD and 13 to 15 letters or digits; the express
 * companies: 10 to 15 digits), upper-cased and without spaces.
 */
public record PostalDelivery(String carrier, String trackingNumber) {

	/** The carriers staff choose from, each with its tracking number's form. */
	public static final Map<String, Pattern> CARRIERS;

	static {
		Map<String, Pattern> m = new LinkedHashMap<>();
		m.put("中国邮政 EMS", Pattern.compile("[A-Z]{2}\\d{9}CN|1\\d{12}"));
		m.put("顺丰速运", Pattern.compile("SF\\d{12,13}"));
		m.put("京东物流", Pattern.compile("JD[A-Z0-9]{13,15}"));
		m.put("中通快递", Pattern.compile("\\d{12,15}"));
		m.put("圆通速递", Pattern.compile("YT\\d{13,15}"));
		m.put("韵达快递", Pattern.compile("\\d{13,15}"));
		CARRIERS = Collections.unmodifiableMap(m);
	}

	/** The delivery as entered, normalised (trimmed, upper case, spaces removed); empty when nothing was entered. */
	public static Optional<PostalDelivery> of(String carrier, String trackingNumber) {
		String c = carrier == null ? "" : carrier.strip();
		String t = trackingNumber == null ? "" : trackingNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		return c.isEmpty() && t.isEmpty() ? Optional.empty() : Optional.of(new PostalDelivery(c, t));
	}

	/** The stable code of what is wrong, or empty: {@code delivery-carrier} or {@code delivery-tracking-format}. */
	public Optional<String> problem() {
		Pattern form = CARRIERS.get(carrier);
		if (form == null) {
			return Optional.of("delivery-carrier");
		}
		return form.matcher(trackingNumber).matches() ? Optional.empty() : Optional.of("delivery-tracking-format");
	}

	/** How the applicant sees it on the case's timeline. */
	public String text() {
		return "邮寄送达：" + carrier + "，运单号 " + trackingNumber;
	}
}
