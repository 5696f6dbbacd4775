package tongban.shared;

import java.time.ZoneId;

/** All dates and times in Tongban are China Standard Time. */
public final class Clocks {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private Clocks() {
	}
}
