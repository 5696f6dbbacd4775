package tongban.openness.internal;

import org.springframework.stereotype.Component;

import tongban.shared.ClusterSignals;
import tongban.shared.ClusterVersion;

/**
 * Changes whenever anything public about publications changes on any node, once the change is committed (a cluster
 * signal, decision 0043): cached pages (publication pages, feeds, the sitemap, and guide pages' 相关政策) rendered at
 * an older generation are stale.
 */
@Component
public class PublicationGeneration {

	private final ClusterVersion generation;

	PublicationGeneration(ClusterSignals signals) {
		this.generation = new ClusterVersion(signals, "openness_publications");
	}

	public long current() {
		return generation.current();
	}

	/** Marks a change: now (to stop caching meanwhile) and on every node at once outside a transaction, after the commit inside one. */
	public void changed() {
		generation.changed("");
	}
}
