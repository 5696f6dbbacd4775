package tongban.shared;

import java.util.function.Consumer;

/**
 * Short signals to every node of the cluster, this one included: "the published catalogue changed", "a number was
 * called at point X", "keys rotated". A signal names a channel and carries a small payload (an id, a code; never
 * personal data), delivered at most once to each node that is listening when it is sent, within a second. Signals are
 * for invalidating and refreshing what a node keeps in memory; anything that must not be lost is a row in the database
 * (or a module event) first, and a signal only says it is there.
 */
public interface ClusterSignals {

	/** Longest payload a signal carries (PostgreSQL's NOTIFY allows under 8,000 bytes). */
	int MAX_PAYLOAD = 1000;

	/**
	 * The payload every listener receives when its node may have missed signals (its listening connection was lost
	 * and made again): anything may have changed, so drop everything kept. A sender never sends it.
	 */
	String EVERYTHING = "*";

	/**
	 * Sends a signal on the channel to every node: after the current transaction commits (nothing when it rolls back),
	 * or at once outside a transaction.
	 *
	 * @param channel lower-case letters, digits and '_' ('catalog_published')
	 * @param payload at most {@link #MAX_PAYLOAD} characters, may be empty
	 */
	void send(String channel, String payload);

	/** Calls the listener for every signal on the channel from any node, this one included, on a signal thread. */
	void listen(String channel, Consumer<String> listener);
}
