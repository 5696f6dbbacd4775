package tongban.insight.trends;

/**
 * The early warning of business trends (ADR 0027): a month's closures (注销) of one industry in one township rise
 * sharply when they are more than {@code factor} times the mean of the {@value #PREVIOUS_MONTHS} months before and at
 * least {@code minimum}, so that three closures after a quiet half-year are not a warning.
 */
public record ClosureWarning(double factor, int minimum) {

	public static final int PREVIOUS_MONTHS = 6;

	/** The mean of the previous months' closures (0 when none given). */
	public static double mean(int[] previous) {
		double sum = 0;
		for (int count : previous) {
			sum += count;
		}
		return previous.length == 0 ? 0 : sum / previous.length;
	}

	/** Whether this month's closures warn, against the previous months' closures. */
	public boolean warns(int closed, int[] previous) {
		return closed >= minimum && closed > factor * mean(previous);
	}
}
