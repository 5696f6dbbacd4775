package tongban.insight.trends;

/**
 * The demand model of forecasts (ADR 0027): Holt-Winters exponential smoothing (additive trend, multiplicative seasonal
 * index) over a weekly series of cases per working day. Dividing by the working days of each week (WorkingCalendar)
 * takes the holiday weeks out of the series before smoothing and puts them back in the forecast. The smoothing
 * constants are chosen by the least squared one-step error over a grid; with a season length of 0 (or fewer than two
 * seasons of history) the seasonal index is 1 and the model is Holt's linear trend.
 */
public final class DemandModel {

	private static final double[] GRID = { 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9 };

	private DemandModel() {
	}

	/** A fitted model: its constants and the states after the last observation. */
	public record Fit(double alpha, double beta, double gamma, double level, double trend, double[] season, int observations) {

		/** The rate {@code steps} weeks after the last observation (1 = the next week), never below 0. */
		public double forecast(int steps) {
			double index = season.length == 0 ? 1 : season[(observations + steps - 1) % season.length];
			return Math.max(0, (level + steps * trend) * index);
		}
	}

	/** Fits the series; {@code seasonLength} 0 for none. Needs at least two observations. */
	public static Fit fit(double[] series, int seasonLength) {
		if (series.length < 2) {
			throw new IllegalArgumentException("two observations at least");
		}
		int m = seasonLength > 1 && series.length >= 2 * seasonLength ? seasonLength : 0;
		Fit best = null;
		double bestError = Double.MAX_VALUE;
		for (double alpha : GRID) {
			for (double beta : GRID) {
				for (double gamma : m == 0 ? new double[] { 0 } : GRID) {
					double[] error = new double[1];
					Fit fit = run(series, m, alpha, beta, gamma, error);
					if (error[0] < bestError) {
						bestError = error[0];
						best = fit;
					}
				}
			}
		}
		return best;
	}

	private static Fit run(double[] y, int m, double alpha, double beta, double gamma, double[] sse) {
		double level;
		double trend;
		double[] season = new double[m];
		int start;
		if (m == 0) {
			level = y[0];
			trend = y[1] - y[0];
			start = 1;
		}
		else {
			double first = mean(y, 0, m);
			double second = mean(y, m, 2 * m);
			trend = (second - first) / m;
			int seasons = y.length / m;
			for (int i = 0; i < m; i++) {
				double sum = 0;
				for (int k = 0; k < seasons; k++) {
					double seasonMean = mean(y, k * m, (k + 1) * m);
					sum += seasonMean > 0 ? y[k * m + i] / seasonMean : 1;
				}
				season[i] = sum / seasons;
			}
			// the level at the end of the first season (its mean sits in its middle): the one-step errors start with the
			// second season, so the initial season is not counted against the constants
			level = first + trend * (m - 1) / 2.0;
			start = m;
		}
		double error = 0;
		for (int t = start; t < y.length; t++) {
			double index = m == 0 ? 1 : season[t % m];
			double predicted = (level + trend) * index;
			error += (y[t] - predicted) * (y[t] - predicted);
			double previous = level;
			level = alpha * (index > 0 ? y[t] / index : y[t]) + (1 - alpha) * (level + trend);
			trend = beta * (level - previous) + (1 - beta) * trend;
			if (m > 0 && level > 1e-9) {
				season[t % m] = gamma * (y[t] / level) + (1 - gamma) * season[t % m];
			}
		}
		sse[0] = error;
		return new Fit(alpha, beta, gamma, level, trend, season, y.length);
	}

	private static double mean(double[] y, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += y[i];
		}
		return sum / (to - from);
	}
}
