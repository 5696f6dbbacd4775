package tongban.events.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Whether a broker answers, asked with one long-lived admin client and a short timeout (a dead broker costs the health
 * check and the resubmission pass at most {@link #TIMEOUT_MS}).
 */
class BrokerProbe implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BrokerProbe.class);

	static final int TIMEOUT_MS = 2000;

	private final Admin admin;

	BrokerProbe(Map<String, Object> connection) {
		var config = new HashMap<>(connection);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "tongban-events-probe");
		this.admin = Admin.create(config);
	}

	boolean reachable() {
		try {
			return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
				.nodes()
				.get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
				.isEmpty();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} catch (ExecutionException | TimeoutException e) {
			log.debug("Kafka unreachable: {}", e.getMessage());
			return false;
		}
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(1));
	}
}
