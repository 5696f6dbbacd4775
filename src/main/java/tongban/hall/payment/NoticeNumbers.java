package tongban.hall.payment;

/**
 * 缴款码: the 20 digits a person pays under. Provinces' 统一公共支付平台 each define their own layout and we could not
 * verify one from a published source, so this is the platform's own, written in docs/hall.md: the 6-digit region code
 * (GB/T 2260) of the collecting department, the 2-digit year, an 11-digit serial from a database sequence, and a check
 * digit (Luhn, as bank cards use, so that a mistyped digit or two swapped neighbours are caught at the bank's counter).
 */
public final class NoticeNumbers {

	private NoticeNumbers() {
	}

	public static String of(String regionCode, int year, long serial) {
		if (!regionCode.matches("\\d{6}") || serial < 0 || serial > 99_999_999_999L) {
			throw new IllegalArgumentException("cannot number: " + regionCode + "/" + serial);
		}
		String body = regionCode + String.format("%02d%011d", year % 100, serial);
		return body + check(body);
	}

	/** Whether the text is a well-formed notice number (20 digits, check digit right). */
	public static boolean wellFormed(String text) {
		return text != null && text.matches("\\d{20}") && check(text.substring(0, 19)) == text.charAt(19);
	}

	/** The Luhn check digit of the 19 digits before it. */
	static char check(String body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			int digit = body.charAt(body.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}
}
