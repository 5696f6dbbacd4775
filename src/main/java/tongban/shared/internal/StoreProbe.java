package tongban.shared.internal;

import java.util.Map;

/** A file store that can say whether it can take files now (readiness), with what to show about it. */
interface StoreProbe {

	/** What to show about the store when it answers; throws when it cannot be reached or written. */
	Map<String, Object> probe();
}
