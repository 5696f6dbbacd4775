package tongban.insight.trends;

/**
 * The surge test of hot topics (ADR 0027): the count of a topic in one township over the current 7-day window against
 * the same topic's counts in the {@value #BASELINE_WINDOWS} windows before it. With μ and σ the mean and (population)
 * standard deviation of the baseline counts, the window is a surge when
 * <pre>observed ≥ max(minimum, μ + deviations · max(σ, √μ, 1))</pre>
 * The √μ floor is the spread of a Poisson count of mean μ, so a topic whose baseline happens to be flat (σ = 0) is not
 * flagged for one ticket more; the floor of 1 does the same for a topic never seen before, and the minimum keeps a
 * handful of tickets from being "hot" however quiet the baseline was.
 */
public record SurgeTest(int minimum, double deviations) {

	/** Eight weeks of baseline. */
	public static final int BASELINE_WINDOWS = 8;
	/** The length of a window in days. */
	public static final int WINDOW_DAYS = 7;

	public SurgeTest {
		if (minimum < 1 || deviations <= 0) {
			throw new IllegalArgumentException("minimum >= 1 and deviations > 0");
		}
	}

	/** The outcome: the figures the decision was made from, for the alert and the report. */
	public record Verdict(boolean surge, int observed, double mean, double sd, double threshold) {
	}

	/** Tests the observed count against the baseline windows' counts (any number of them; none is a baseline of 0). */
	public Verdict test(int observed, int[] baseline) {
		double mean = 0;
		for (int count : baseline) {
			mean += count;
		}
		mean = baseline.length == 0 ? 0 : mean / baseline.length;
		double squares = 0;
		for (int count : baseline) {
			squares += (count - mean) * (count - mean);
		}
		double sd = baseline.length == 0 ? 0 : Math.sqrt(squares / baseline.length);
		double spread = Math.max(1, Math.max(sd, Math.sqrt(mean)));
		double threshold = Math.max(minimum, mean + deviations * spread);
		return new Verdict(observed >= threshold, observed, mean, sd, threshold);
	}
}
