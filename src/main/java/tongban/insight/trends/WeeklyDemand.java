package tongban.insight.trends;

import java.util.ArrayList;
import java.util.List;

/**
 * A weekly series of cases with the working days of each week, forecast with {@link DemandModel} on cases per working
 * day: the next weeks' cases (the rate times each coming week's working days), the backtest error and a staffing
 * suggestion. Weeks without a working day carry no rate; they are left out of the series and forecast as 0.
 */
public final class WeeklyDemand {

	private final double[] cases;
	private final int[] workingDays;
	private final int seasonLength;
	/** The backtest's sum of errors and count of scored weeks, computed on first use ({-1} before). */
	private final double[] backtest = { 0, -1 };

	/** Weekly cases and the working days of each week (the same length); {@code seasonLength} 0 for no seasonal index. */
	public WeeklyDemand(double[] cases, int[] workingDays, int seasonLength) {
		if (cases.length != workingDays.length) {
			throw new IllegalArgumentException("one working-day count per week");
		}
		this.cases = cases.clone();
		this.workingDays = workingDays.clone();
		this.seasonLength = seasonLength;
	}

	/** The fewest weeks of history a forecast is made from. */
	public static final int MIN_HISTORY = 6;
	/** Weeks of the backtest. */
	public static final int BACKTEST_WEEKS = 8;

	/** One forecast week: its working days, the cases and the cases per working day expected. */
	public record Week(int workingDays, double cases, double perWorkingDay) {

		/** The cases as a whole number, as pages show them. */
		public long rounded() {
			return Math.round(cases);
		}
	}

	/** The forecast and the backtest error (MAPE, null when no week of the backtest could be scored). */
	public record Forecast(List<Week> weeks, Double mape, int scoredWeeks) {

		/** The windows the busiest forecast week needs at this many cases per window per working day. */
		public int windows(double casesPerWindowPerDay) {
			double peak = weeks.stream().mapToDouble(Week::perWorkingDay).max().orElse(0);
			return peak <= 0 ? 0 : (int) Math.ceil(peak / casesPerWindowPerDay);
		}
	}

	/** Whether there is history enough to forecast. */
	public boolean forecastable() {
		return rates(cases.length).length >= MIN_HISTORY;
	}

	/** The next weeks (their working days given), from all the history. */
	public Forecast forecast(int[] comingWorkingDays) {
		double[] rates = rates(cases.length);
		List<Week> weeks = new ArrayList<>();
		if (rates.length >= MIN_HISTORY) {
			DemandModel.Fit fit = DemandModel.fit(rates, seasonLength);
			int step = 0;
			for (int days : comingWorkingDays) {
				double rate = days == 0 ? 0 : fit.forecast(++step);
				weeks.add(new Week(days, rate * days, rate));
			}
		}
		return new Forecast(weeks, mape(), scored());
	}

	/**
	 * The mean absolute percentage error of forecasting each of the last {@value #BACKTEST_WEEKS} weeks one week ahead
	 * from the weeks before it only; weeks with no case (no percentage) or too little history before them are not scored.
	 */
	public Double mape() {
		return backtest()[1] == 0 ? null : backtest()[0] / backtest()[1];
	}

	private int scored() {
		return (int) backtest()[1];
	}

	/** The sum of the scored weeks' errors and how many were scored (computed once). */
	private double[] backtest() {
		if (backtest[1] < 0) {
			double sum = 0;
			int scored = 0;
			for (int week = Math.max(0, cases.length - BACKTEST_WEEKS); week < cases.length; week++) {
				Double error = error(week);
				if (error != null) {
					sum += error;
					scored++;
				}
			}
			backtest[0] = sum;
			backtest[1] = scored;
		}
		return backtest;
	}

	private Double error(int week) {
		double[] before = rates(week);
		if (cases[week] <= 0 || workingDays[week] == 0 || before.length < MIN_HISTORY) {
			return null;
		}
		double predicted = DemandModel.fit(before, seasonLength).forecast(1) * workingDays[week];
		return Math.abs(cases[week] - predicted) / cases[week];
	}

	private double[] rates(int upTo) {
		double[] rates = new double[upTo];
		int n = 0;
		for (int week = 0; week < upTo; week++) {
			if (workingDays[week] > 0) {
				rates[n++] = cases[week] / workingDays[week];
			}
		}
		double[] result = new double[n];
		System.arraycopy(rates, 0, result, 0, n);
		return result;
	}
}
