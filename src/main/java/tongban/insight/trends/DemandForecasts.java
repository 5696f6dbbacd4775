package tongban.insight.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tongban.casework.CaseDemand;
import tongban.casework.CaseDemand.DayCount;
import tongban.directory.DirectoryManagement;
import tongban.directory.DirectoryManagement.Window;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/**
 * Demand forecasts for the next {@value #HORIZON} weeks per item (all channels) and per service hall (cases taken in at
 * its windows), from the complete weeks of case history ({@link WeeklyDemand}), with the backtest error and the windows
 * the busiest coming week needs.
 */
@Service
public class DemandForecasts {

	public static final int HORIZON = 8;
	/** Weeks of history read: two years, so a yearly seasonal index can be estimated once there is that much. */
	static final int HISTORY_WEEKS = 104;
	/** A yearly season of weeks. */
	static final int YEAR = 52;
	/** Weeks of history shown beside the forecast. */
	public static final int SHOWN_HISTORY = 12;
	/** Items listed at most (the busiest). */
	static final int MAX_ITEMS = 30;

	public enum Kind { ITEM, HALL }

	/** One forecast series: an item or a hall, the weeks of history shown, and the forecast. */
	public record Series(Kind kind, String key, String label, List<String> historyWeeks, List<Double> history, List<String> weeks,
			WeeklyDemand.Forecast forecast, int windows) {
	}

	/** The forecasts in scope; {@code casesPerWindowPerDay} is the staffing assumption. */
	public record Forecasts(LocalDate lastComplete, List<Series> items, List<Series> halls, double casesPerWindowPerDay) {
	}

	private final CaseDemand demand;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final double casesPerWindowPerDay;

	DemandForecasts(CaseDemand demand, DirectoryManagement directory, WorkingCalendars calendars,
			@Value("${tongban.insight.trends.cases-per-window-per-day:30}") double casesPerWindowPerDay) {
		this.demand = demand;
		this.directory = directory;
		this.calendars = calendars;
		this.casesPerWindowPerDay = casesPerWindowPerDay;
	}

	/** Forecasts for cases under the region prefix, of one department only when {@code department} is not null. */
	public Forecasts forecasts(String regionPrefix, String department) {
		LocalDate thisMonday = LocalDate.now(Clocks.ZONE).with(DayOfWeek.MONDAY);
		LocalDate firstMonday = thisMonday.minusWeeks(HISTORY_WEEKS);
		List<DayCount> counts = demand.daily(firstMonday, thisMonday.minusDays(1))
			.stream()
			.filter(c -> c.regionCode().startsWith(regionPrefix) && (department == null || department.equals(c.departmentCode())))
			.toList();
		WorkingCalendar calendar = calendars.current();
		int[] pastDays = new int[HISTORY_WEEKS];
		for (int week = 0; week < HISTORY_WEEKS; week++) {
			pastDays[week] = workingDays(calendar, firstMonday.plusWeeks(week));
		}
		int[] comingDays = new int[HORIZON];
		List<String> coming = new ArrayList<>();
		for (int week = 0; week < HORIZON; week++) {
			comingDays[week] = workingDays(calendar, thisMonday.plusWeeks(week));
			coming.add(WeeklyReports.week(thisMonday.plusWeeks(week)));
		}
		List<String> shownWeeks = new ArrayList<>();
		for (int week = HISTORY_WEEKS - SHOWN_HISTORY; week < HISTORY_WEEKS; week++) {
			shownWeeks.add(WeeklyReports.week(firstMonday.plusWeeks(week)));
		}
		Map<String, String> itemNames = new LinkedHashMap<>();
		counts.forEach(c -> itemNames.putIfAbsent(c.itemCode(), c.itemName()));
		Map<UUID, Window> windows = new LinkedHashMap<>();
		directory.windows().forEach(w -> windows.put(w.id(), w));
		Context context = new Context(firstMonday, pastDays, comingDays, coming, shownWeeks);
		List<Series> items = series(counts, Kind.ITEM, DayCount::itemCode, itemNames::get, context).stream().limit(MAX_ITEMS).toList();
		List<Series> halls = series(counts.stream().filter(c -> c.windowId() != null && windows.containsKey(c.windowId())).toList(), Kind.HALL,
				c -> windows.get(c.windowId()).hallName(), name -> name, context);
		return new Forecasts(thisMonday.minusDays(1), items, halls, casesPerWindowPerDay);
	}

	private record Context(LocalDate firstMonday, int[] pastDays, int[] comingDays, List<String> coming, List<String> shownWeeks) {
	}

	private List<Series> series(List<DayCount> counts, Kind kind, Function<DayCount, String> key, Function<String, String> label, Context context) {
		Map<String, double[]> weekly = new LinkedHashMap<>();
		for (DayCount count : counts) {
			int week = (int) (ChronoUnit.DAYS.between(context.firstMonday(), count.day()) / 7);
			weekly.computeIfAbsent(key.apply(count), k -> new double[HISTORY_WEEKS])[week] += count.cases();
		}
		List<Series> result = new ArrayList<>();
		weekly.forEach((name, cases) -> {
			int first = 0;
			while (first < cases.length && cases[first] == 0) {
				first++;
			}
			double[] own = Arrays.copyOfRange(cases, first, cases.length);
			int[] days = Arrays.copyOfRange(context.pastDays(), first, cases.length);
			WeeklyDemand model = new WeeklyDemand(own, days, own.length >= 2 * YEAR ? YEAR : 0);
			WeeklyDemand.Forecast forecast = model.forecast(context.comingDays());
			List<Double> shown = new ArrayList<>();
			for (int week = HISTORY_WEEKS - SHOWN_HISTORY; week < HISTORY_WEEKS; week++) {
				shown.add(cases[week]);
			}
			result.add(new Series(kind, name, label.apply(name), context.shownWeeks(), shown, context.coming(), forecast,
					forecast.windows(casesPerWindowPerDay)));
		});
		result.sort(Comparator.comparingDouble((Series s) -> -s.history().stream().mapToDouble(Double::doubleValue).sum()).thenComparing(Series::key));
		return result;
	}

	private static int workingDays(WorkingCalendar calendar, LocalDate monday) {
		int days = 0;
		for (int day = 0; day < 7; day++) {
			days += calendar.isWorkingDay(monday.plusDays(day)) ? 1 : 0;
		}
		return days;
	}
}
