package tongban.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 脱敏: how personal data is shown to someone who does not need all of it. */
public final class Masking {

	private Masking() {
	}

	/** 330106********1234: region kept, birth date and sequence hidden. */
	public static String idNumber(String id) {
		if (id == null || id.length() < 10) {
			return "****";
		}
		return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
	}

	/** 138****5678. */
	public static String mobile(String mobile) {
		if (mobile == null || mobile.length() < 7) {
			return "****";
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}

	/** 张*, 欧阳** : the family name (first character) only. */
	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
	}

	/** 浙江省杭州市西湖区****: up to the county (the first 区, 县 or 市 after the city), the rest hidden. */
	public static String address(String address) {
		if (address == null || address.isEmpty()) {
			return "";
		}
		Matcher m = Pattern.compile("^(.*?(?:省|自治区)?.*?市.*?[区县市旗])").matcher(address);
		String kept = m.find() && m.group(1).length() < address.length() ? m.group(1) : address.substring(0, Math.min(3, address.length()));
		return kept + "****";
	}
}
