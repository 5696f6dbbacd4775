package tongban.casework;

import java.util.List;
import java.util.UUID;

/** 一件事一次办: a bundle application and its cases, one per item. */
public record BundleView(UUID id, String bundleCode, String bundleName, String status, List<CaseSummary> cases) {

	/** The bundle concludes when every one of its cases has. */
	public boolean concluded() {
		return !cases.isEmpty() && cases.stream().allMatch(c -> CaseStatus.valueOf(c.status()).finished());
	}
}
