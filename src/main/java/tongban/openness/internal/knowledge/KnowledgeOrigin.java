package tongban.openness.internal.knowledge;

/** Where a knowledge entry comes from; only curated entries are edited by hand, the others follow their source. */
public enum KnowledgeOrigin {
	/** Written by staff on the workbench (or demo data), with its own sources. */
	CURATED,
	/** A question and answer of a published service guide. */
	GUIDE,
	/** A question and answer of a published policy interpretation. */
	INTERPRETATION,
	/** A published (anonymised) 12345 reply. */
	REPLY
}
