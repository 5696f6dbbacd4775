package tongban.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of the privacy notice (个人信息处理规则): its number, the day it takes effect, what changed from the version
 * before (one line per change, shown to a person asked to agree again), and the template fragment holding its text.
 */
public record NoticeVersion(String version, LocalDate effective, List<String> changes, String fragment) {

	public NoticeVersion {
		changes = List.copyOf(changes);
	}
}
