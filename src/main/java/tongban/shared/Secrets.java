package tongban.shared;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform's secrets other than the data keys (seal keys, a callback key …), one source of truth for every node:
 * kept in the database encrypted with the {@link DataKeys}, created once by whichever node needs one first (two nodes
 * starting together agree on one), read by all (ADR 0045). A secret is never changed in place: a new one gets a new
 * name, so a node may keep what it read.
 */
public interface Secrets {

	/** The secret of this name, if the cluster has one. */
	Optional<String> get(String name);

	/** Stores the secret unless the cluster already has one of this name; answers whether this one was stored. */
	boolean putIfAbsent(String name, String value);

	/** The cluster's secret of this name, made by {@code initial} and stored when there is none yet. */
	default String getOrCreate(String name, Supplier<String> initial) {
		return get(name).orElseGet(() -> {
			putIfAbsent(name, initial.get());
			return get(name).orElseThrow();
		});
	}
}
