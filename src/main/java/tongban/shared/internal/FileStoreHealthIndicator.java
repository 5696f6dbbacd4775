package tongban.shared.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code fileStore} in /actuator/health and in the readiness group: the bucket answers (object store) or the files
 * folder can be written (local). A node that cannot store the files people upload takes no traffic: the load balancer
 * sends them to a node that can. The reason is shown by its type only, never a message that could carry a secret.
 */
@Component
class FileStoreHealthIndicator implements HealthIndicator {

	private final StoreProbe store;

	FileStoreHealthIndicator(StoreProbe store) {
		this.store = store;
	}

	@Override
	public Health health() {
		try {
			return Health.up().withDetails(store.probe()).build();
		}
		catch (RuntimeException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			return Health.down().withDetail("error", cause.getClass().getSimpleName()).build();
		}
	}
}
