package tongban.catalog.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;

/** Counts guide views in memory and writes them once a minute, so reading a guide costs no database write. */
@Component
public class ViewCounter {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
	private final CatalogManagement catalog;

	ViewCounter(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	public void viewed(String code) {
		counts.computeIfAbsent(code, k -> new LongAdder()).increment();
	}

	// Node-local, not locked: each node adds the views counted in its own memory (the sum is done by the database).
	@Scheduled(fixedDelayString = "${tongban.catalog.view-flush:60s}")
	public void flush() {
		for (String code : counts.keySet()) {
			long n = counts.remove(code).sum();
			if (n > 0) {
				catalog.addViews(code, n);
			}
		}
	}
}
