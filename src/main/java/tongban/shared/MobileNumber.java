package tongban.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland mobile number: 11 digits, 1 then 3–9 (the numbering plan of the MIIT, 电信网编号计划). */
public record MobileNumber(String digits) {

	/** The pattern itself, for HTML {@code pattern} attributes and Bean Validation. */
	public static final String PATTERN = "1[3-9]\\d{9}";

	/** A mobile number, or a landline with its area code (0 + 2–3 digits, optional hyphen, 7–8 digits). */
	public static final Pattern PHONE = Pattern.compile(PATTERN + "|0\\d{2,3}-?\\d{7,8}");

	private static final Pattern MOBILE = Pattern.compile(PATTERN);

	public MobileNumber {
		if (digits == null || !MOBILE.matcher(digits).matches()) {
			throw new IllegalArgumentException("not a mobile number");
		}
	}

	/** Whether the text, trimmed, is a mobile number. */
	public static boolean valid(String text) {
		return text != null && MOBILE.matcher(text.strip()).matches();
	}

	/** The mobile number in the text (trimmed), or empty. */
	public static Optional<MobileNumber> parse(String text) {
		return valid(text) ? Optional.of(new MobileNumber(text.strip())) : Optional.empty();
	}

	/** Whether the text, trimmed, is a mobile or landline number. */
	public static boolean phone(String text) {
		return text != null && PHONE.matcher(text.strip()).matches();
	}

	@Override
	public String toString() {
		return digits;
	}
}
