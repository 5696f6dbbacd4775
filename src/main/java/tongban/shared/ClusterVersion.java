package tongban.shared;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A number that changes on every node when what it stands for changes on any node: caches keep what they made with
 * the number they saw, and throw it away when the number moved on. {@link #changed(String)} moves it here at once (so
 * nothing made during the change is kept) and sends a signal that moves it on every node, this one included, after
 * the commit. A node that lost its signal connection is told {@link ClusterSignals#EVERYTHING} and moves it too.
 */
public final class ClusterVersion {

	private final AtomicLong value = new AtomicLong();
	private final ClusterSignals signals;
	private final String channel;

	/**
	 * @param onSignal also called on every signal of the channel (with its payload, or {@link ClusterSignals#EVERYTHING}),
	 *            before the number moves, to forget entries that are not keyed by the number
	 */
	public ClusterVersion(ClusterSignals signals, String channel, Consumer<String> onSignal) {
		this.signals = signals;
		this.channel = channel;
		signals.listen(channel, payload -> {
			onSignal.accept(payload);
			value.incrementAndGet();
		});
	}

	public ClusterVersion(ClusterSignals signals, String channel) {
		this(signals, channel, payload -> {
		});
	}

	public long current() {
		return value.get();
	}

	/** Something changed: an id or code (or "") for listeners that forget single entries; never personal data. */
	public void changed(String payload) {
		value.incrementAndGet();
		signals.send(channel, payload);
	}
}
