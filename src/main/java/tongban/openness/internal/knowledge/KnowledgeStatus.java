package tongban.openness.internal.knowledge;

import java.util.UUID;

import tongban.shared.StateGraph;

/** Whether a knowledge entry is offered: active, or retired (kept for the record, offered to nobody). */
public enum KnowledgeStatus {
	ACTIVE, RETIRED;

	/** Staff retire an entry that is wrong or out of date, and may restore it after correcting it. */
	public static final StateGraph<KnowledgeStatus> GRAPH = StateGraph.of(KnowledgeStatus.class)
		.edge(ACTIVE, RETIRED, KnowledgeEntryRetired.class)
		.edge(RETIRED, ACTIVE, KnowledgeEntryRestored.class)
		.build("knowledge-entry-state");

	/** An entry was retired: it leaves the knowledge base and search. */
	public record KnowledgeEntryRetired(UUID entryId) {
	}

	/** A retired entry was offered again. */
	public record KnowledgeEntryRestored(UUID entryId) {
	}
}
