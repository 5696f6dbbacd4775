package tongban.insight.anomalies;

import java.util.List;

/**
 * What a rule found on a day: who (the staff member, or the person read by their blind index), the reading department,
 * the reads behind it and the figures ({@link AnomalyRule} says what {@code figureA} and {@code figureB} are).
 */
record Hit(AnomalyRule rule, String key, String departmentCode, String staffId, String staffName, String subjectIndex, List<Long> readIds,
		long count, double figureA, double figureB) {
}
