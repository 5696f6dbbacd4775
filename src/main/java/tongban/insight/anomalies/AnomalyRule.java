package tongban.insight.anomalies;

/**
 * The rules on reads of personal data (ADR 0026). Each hit names who (a staff member, or for {@link #MANY_READERS} the
 * person read) and carries the rule's figures: the count, and two more whose meaning the rule gives.
 */
public enum AnomalyRule {
	/** Far more reads in a day than the staff member's own and their department peers' baseline (a: own, b: peers). */
	VOLUME,
	/** Reads outside working hours or on a non-working day (a: the first hour, b: the last hour of those reads). */
	OFF_HOURS,
	/** Reads for a case number that names no case, or a case of another department (a: no case, b: another's). */
	NO_CASE,
	/** One person read by staff of several departments in a day with no case of the reading department (a: departments, b: staff). */
	MANY_READERS,
	/** Masked fields revealed with nothing done on the case afterwards within the set time (a: the window in minutes). */
	UNFOLLOWED_REVEAL
}
