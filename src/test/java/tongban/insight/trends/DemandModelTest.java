package tongban.insight.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The forecast model on series whose answer is known, and the MAPE backtest worked out by hand. */
class DemandModelTest {

	private static final double[] SEASON = { 1.2, 0.9, 1.1, 0.8 };

	private static double truth(int week) {
		return (50 + 0.5 * week) * SEASON[week % SEASON.length];
	}

	@Test
	void holtWintersRecoversATrendWithASeason() {
		double[] series = new double[60];
		for (int week = 0; week < series.length; week++) {
			series[week] = truth(week);
		}
		DemandModel.Fit fit = DemandModel.fit(series, 4);
		for (int step = 1; step <= 8; step++) {
			double expected = truth(59 + step);
			assertThat(Math.abs(fit.forecast(step) - expected) / expected).as("week +%d", step).isLessThan(0.02);
		}
	}

	@Test
	void theBacktestOfASeasonalSeriesWithHolidayWeeksIsSmall() {
		int weeks = 60;
		double[] cases = new double[weeks];
		int[] days = new int[weeks];
		for (int week = 0; week < weeks; week++) {
			// every 13th week has a holiday: 3 working days, so fewer cases, but the same demand per working day
			days[week] = week % 13 == 5 ? 3 : 5;
			cases[week] = truth(week) * days[week];
		}
		WeeklyDemand demand = new WeeklyDemand(cases, days, 4);
		assertThat(demand.mape()).isLessThan(0.02);
		WeeklyDemand.Forecast forecast = demand.forecast(new int[] { 5, 5, 3, 5, 5, 5, 5, 5 });
		assertThat(forecast.scoredWeeks()).isEqualTo(8);
		assertThat(forecast.weeks().get(2).cases()).isCloseTo(truth(62) * 3, within(truth(62) * 3 * 0.02));
		// the busiest week: about 1.2 × 80.5 ≈ 96.6 cases a working day → 4 windows at 25 a window
		assertThat(forecast.windows(25)).isEqualTo(4);
	}

	@Test
	void mapeIsTheMeanOfTheLastEightWeeksOneWeekAheadErrors() {
		// 20 a working day for 20 weeks (100 cases), then 150: the first seven backtest weeks are forecast exactly, the
		// last at 100 against 150 → |150 − 100| / 150 = 1/3; MAPE = (7·0 + 1/3) / 8 = 1/24
		double[] cases = new double[21];
		Arrays.fill(cases, 100);
		cases[20] = 150;
		int[] days = new int[21];
		Arrays.fill(days, 5);
		WeeklyDemand demand = new WeeklyDemand(cases, days, 0);
		assertThat(demand.mape()).isCloseTo(1.0 / 24, within(1e-9));
	}

	@Test
	void workingDaysCarryHolidayWeeksAndWeeksWithoutWorkingDaysAreNotForecast() {
		double[] cases = new double[12];
		int[] days = new int[12];
		for (int week = 0; week < 12; week++) {
			days[week] = week == 7 ? 0 : week == 4 ? 2 : 5;
			cases[week] = 20.0 * days[week];
		}
		WeeklyDemand demand = new WeeklyDemand(cases, days, 0);
		assertThat(demand.mape()).isCloseTo(0, within(1e-9));
		WeeklyDemand.Forecast forecast = demand.forecast(new int[] { 0, 4 });
		assertThat(forecast.weeks().get(0).cases()).isZero();
		assertThat(forecast.weeks().get(1).cases()).isCloseTo(80, within(1e-6));
	}

	@Test
	void tooShortAHistoryIsNotForecast() {
		WeeklyDemand demand = new WeeklyDemand(new double[] { 10, 12, 11 }, new int[] { 5, 5, 5 }, 0);
		assertThat(demand.forecastable()).isFalse();
		assertThat(demand.forecast(new int[] { 5 }).weeks()).isEmpty();
		assertThat(demand.mape()).isNull();
	}
}
