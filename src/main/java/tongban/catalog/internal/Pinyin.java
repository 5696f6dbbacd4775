package tongban.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of a Chinese name without tones, full ("shebaoka") and initials ("sbk"), so Latin input finds items. A
 * character with several readings contributes its first, most common one; Latin letters and digits pass through.
 */
public final class Pinyin {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private Pinyin() {
	}

	/** Syllables of each Han character (first reading), letters and digits kept, everything else dropped. */
	static List<String> syllables(String text) {
		List<String> out = new ArrayList<>();
		for (char c : text.toCharArray()) {
			if (Character.isLetterOrDigit(c) && c < 128) {
				out.add(String.valueOf(c).toLowerCase(Locale.ROOT));
				continue;
			}
			try {
				String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
				if (readings != null && readings.length > 0) {
					out.add(readings[0]);
				}
			}
			catch (BadHanyuPinyinOutputFormatCombination e) {
				throw new IllegalStateException(e);
			}
		}
		return out;
	}

	public static String full(String text) {
		return String.join("", syllables(text));
	}

	public static String initials(String text) {
		StringBuilder sb = new StringBuilder();
		for (String s : syllables(text)) {
			sb.append(s.charAt(0));
		}
		return sb.toString();
	}
}
