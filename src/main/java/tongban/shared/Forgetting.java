package tongban.shared;

import java.util.Map;
import java.util.function.Consumer;

/** Listeners of cluster signals for caches keyed by the id or code a signal carries. */
public final class Forgetting {

	private Forgetting() {
	}

	/** Forgets the entry the payload names, or every entry on {@link ClusterSignals#EVERYTHING}. */
	public static Consumer<String> entriesOf(Map<String, ?> cache) {
		return key -> {
			if (key.equals(ClusterSignals.EVERYTHING)) {
				cache.clear();
			}
			else {
				cache.remove(key);
			}
		};
	}
}
