package tongban.hall.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tongban.catalog.ServiceGuide;

/**
 * Reads the amounts out of a guide's fee lines ({@link ServiceGuide#fees()}), the one place that does. A standard such
 * as {@code 20元/证} or {@code 80元/件，含第一本不动产权证书工本费；每增加一本证书加收工本费10元} names one amount: the
 * amount before the first comma (a surcharge clause starting 每增加/加收 is not a choice: extra certificates are paid at
 * the counter). A standard naming several labelled amounts ({@code 住宅80元/件，非住宅550元/件}) cannot be read as one:
 * the applicant or the clerk chooses among the amounts it names. A standard naming no amount (按实际, 免费) cannot be
 * read at all. The lines of one item are alternatives (one line per kind of case, e.g. 有效期满换领 20元 and 损坏换领
 * 40元), so an item with several readable options is chosen the same way.
 */
public final class FeeRules {

	/** One amount a person may pay for an item: what it is for and how much, in fen. */
	public record Option(String label, long fen) {
	}

	/** An amount with the unit it is charged by: 80元/件, 20元/证, 12.5元. */
	private static final Pattern AMOUNT = Pattern.compile("([\\p{IsHan}（）()]{0,12}?)(\\d{1,7}(?:\\.\\d{1,2})?)元(?:/[\\p{IsHan}]{1,3})?");

	private static final Pattern CLAUSE = Pattern.compile("[，,；;。]");

	private FeeRules() {
	}

	/** The options one fee line names: one for a fixed amount, several to choose among, none when unreadable. */
	public static List<Option> options(ServiceGuide.Fee fee) {
		String standard = fee == null || fee.standard() == null ? "" : fee.standard().strip();
		String item = fee == null || fee.item() == null ? "" : fee.item().strip();
		List<Option> found = new ArrayList<>();
		for (String clause : CLAUSE.split(standard)) {
			String text = clause.strip();
			if (text.isEmpty() || text.startsWith("每增加") || text.contains("加收") || text.startsWith("含")) {
				continue;
			}
			Matcher m = AMOUNT.matcher(text);
			while (m.find()) {
				String qualifier = m.group(1).strip();
				long fen = fen(m.group(2));
				if (fen > 0) {
					found.add(new Option(qualifier.isEmpty() ? item : item + "（" + qualifier + "）", fen));
				}
			}
		}
		return List.copyOf(found);
	}

	/** Every option of every fee line of the guide, in the guide's order. */
	public static List<Option> options(ServiceGuide guide) {
		return guide.fees().stream().flatMap(f -> options(f).stream()).toList();
	}

	/** Whether at least one fee line of the guide names an amount the platform can charge. */
	public static boolean readable(ServiceGuide guide) {
		return !options(guide).isEmpty();
	}

	/** 20 → 2000, 12.5 → 1250: decimal yuan to whole fen, never through a double. */
	static long fen(String yuan) {
		return new BigDecimal(yuan).movePointRight(2).longValueExact();
	}

	/** 2000 → "20.00元". */
	public static String yuan(long fen) {
		return BigDecimal.valueOf(fen).movePointLeft(2).toPlainString() + "元";
	}
}
