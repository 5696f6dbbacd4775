package tongban.licence;

import java.util.regex.Pattern;

/**
 * The licence identifier of GB/T 36903: {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>},
 * the type code being the defining authority's USCC plus 3 digits, the issuer code the issuing department's USCC, the
 * version 3 digits, and the check character ISO/IEC 7064 MOD 37,36 over type code, issuer code, serial and version
 * (shared/STANDARDS.md).
 */
public final class LicenceIdentifier {

	public static final String PREFIX = "1.2.156.3005.2.";
	static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	private static final Pattern SHAPE = Pattern.compile(
			Pattern.quote(PREFIX) + "([0-9A-Z]{18}[0-9]{3})\\.([0-9A-Z]{18})\\.([0-9]{1,20})\\.([0-9]{3})\\.([0-9A-Z])");

	private LicenceIdentifier() {
	}

	public static String of(String typeCode, String issuerCode, String serial, String version) {
		return PREFIX + typeCode + "." + issuerCode + "." + serial + "." + version + "." + check(typeCode + issuerCode + serial + version);
	}

	/** ISO/IEC 7064 MOD 37,36 (hybrid system) over digits and capital letters. */
	public static char check(String payload) {
		int p = 36;
		for (char ch : payload.toCharArray()) {
			int a = ALPHABET.indexOf(ch);
			if (a < 0) {
				throw new IllegalArgumentException("not a digit or capital letter: " + ch);
			}
			int t = (p + a) % 36;
			if (t == 0) {
				t = 36;
			}
			p = (2 * t) % 37;
		}
		return ALPHABET.charAt((37 - p) % 36);
	}

	/** Why an identifier is not well formed, or null when it is: its shape, then its check character. */
	public static String problem(String identifier) {
		if (identifier == null) {
			return "licence.error.shape";
		}
		var m = SHAPE.matcher(identifier);
		if (!m.matches()) {
			return "licence.error.shape";
		}
		char expected = check(m.group(1) + m.group(2) + m.group(3) + m.group(4));
		return expected == m.group(5).charAt(0) ? null : "licence.error.check";
	}
}
