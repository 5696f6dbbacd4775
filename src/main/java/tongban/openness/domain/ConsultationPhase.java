package tongban.openness.domain;

/** A published consultation by its dates and today's date in China Standard Time. */
public enum ConsultationPhase {
	/** Before its first day: shown, comments refused. */
	UPCOMING,
	/** From its first to its last day inclusive: comments taken. */
	OPEN,
	/** After its last day: comments refused with the date; the department reports. */
	CLOSED
}
