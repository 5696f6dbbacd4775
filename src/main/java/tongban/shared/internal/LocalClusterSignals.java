package tongban.shared.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tongban.shared.ClusterSignals;

/**
 * Signals within this node only: the contract's first version, replaced by PostgreSQL LISTEN/NOTIFY so that every
 * node hears them.
 */
@Component
class LocalClusterSignals implements ClusterSignals {

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	@Override
	public void send(String channel, String payload) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(channel, payload);
				}
			});
			return;
		}
		deliver(channel, payload);
	}

	private void deliver(String channel, String payload) {
		listeners.getOrDefault(channel, List.of()).forEach(listener -> listener.accept(payload == null ? "" : payload));
	}

	@Override
	public void listen(String channel, Consumer<String> listener) {
		listeners.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(listener);
	}
}
