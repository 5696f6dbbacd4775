package tongban.casework.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.PauseView;

/** Cases as the domain rules see them, made in memory for unit tests. */
final class CaseViews {

	private CaseViews() {
	}

	static CaseView in(CaseStatus status) {
		return with(status, null, List.of(), 0);
	}

	static CaseView with(CaseStatus status, OffsetDateTime acceptedAt, List<PauseView> pauses, int extensionDays) {
		return new CaseView(CaseId.of(UUID.randomUUID()), "330106202612060000001", "330106-XK-0001-01", 1, "社会保障卡申领", "XH-RLSB", status,
				Map.of(), List.of(), List.of(), null, null, "王小明", "王小明", 0, UUID.randomUUID(), null, acceptedAt, List.of(),
				UUID.randomUUID(), pauses, extensionDays);
	}
}
