package tongban.openness.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes whenever anything public about publications changes on this node, once the change is committed: cached
 * pages (publication pages, feeds, the sitemap, and guide pages' 相关政策) rendered at an older generation are stale.
 * Several nodes would share it as the catalogue's generation would (see CatalogManagement).
 */
@Component
public class PublicationGeneration {

	private final AtomicLong generation = new AtomicLong();

	public long current() {
		return generation.get();
	}

	/** Marks a change: at once outside a transaction, after the commit inside one (and again now, to stop caching meanwhile). */
	public void changed() {
		generation.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
				}
			});
		}
	}
}
