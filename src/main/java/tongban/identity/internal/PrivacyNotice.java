package tongban.identity.internal;

import java.time.LocalDate;

/**
 * The platform's privacy notice (个人信息处理规则, 个人信息保护法 Art. 17), page {@code /privacy}. A person's consent names
 * the version they read; a new version of the text gets a new {@link #VERSION}, so that every consent record says
 * which text it was given to.
 */
public final class PrivacyNotice {

	public static final String VERSION = "1.0";

	public static final LocalDate EFFECTIVE = LocalDate.of(2026, 12, 6);

	private PrivacyNotice() {
	}
}
