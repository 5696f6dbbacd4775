package tongban.insight.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import tongban.insight.Measure;
import tongban.insight.internal.DailyMeasures;

/**
 * What one fact adds to the daily counters: per place (day, department, region, item) the value of each measure. Kept
 * sorted, so that the differences it yields are written in one order by every writer (no deadlocks between them), and
 * stored as {@code {"day|department|region|item": {"MEASURE": value}}} in {@code insight_counted_fact}.
 */
final class Cells {

	private static final String SEPARATOR = "|";

	private final TreeMap<String, TreeMap<String, Long>> places = new TreeMap<>();

	void add(LocalDate day, String department, String region, String item, Measure measure, long value) {
		if (value != 0) {
			places.computeIfAbsent(String.join(SEPARATOR, day.toString(), orEmpty(department), orEmpty(region), orEmpty(item)),
					key -> new TreeMap<>())
				.merge(measure.name(), value, Long::sum);
		}
	}

	boolean isEmpty() {
		return places.isEmpty();
	}

	/** As stored: place → measure → value. */
	Map<String, ? extends Map<String, Long>> asMap() {
		return places;
	}

	static Cells of(Map<String, ? extends Map<String, ? extends Number>> stored) {
		Cells cells = new Cells();
		stored.forEach((place, measures) -> measures.forEach((measure, value) -> cells.places
			.computeIfAbsent(place, key -> new TreeMap<>())
			.merge(measure, value.longValue(), Long::sum)));
		return cells;
	}

	/** The first day counted; null when nothing is. */
	LocalDate firstDay() {
		return places.isEmpty() ? null : day(places.firstKey());
	}

	LocalDate lastDay() {
		return places.isEmpty() ? null : day(places.lastKey());
	}

	/** What changes from {@code before} to this, on the days {@code days} accepts, sorted by place then measure. */
	List<DailyMeasures.Delta> minus(Cells before, Predicate<LocalDate> days) {
		List<DailyMeasures.Delta> deltas = new ArrayList<>();
		TreeSet<String> keys = new TreeSet<>(places.keySet());
		keys.addAll(before.places.keySet());
		for (String place : keys) {
			LocalDate day = day(place);
			if (!days.test(day)) {
				continue;
			}
			Map<String, Long> now = places.getOrDefault(place, new TreeMap<>());
			Map<String, Long> then = before.places.getOrDefault(place, new TreeMap<>());
			TreeSet<String> measures = new TreeSet<>(now.keySet());
			measures.addAll(then.keySet());
			String[] parts = place.split("\\|", -1);
			for (String measure : measures) {
				long delta = now.getOrDefault(measure, 0L) - then.getOrDefault(measure, 0L);
				if (delta != 0) {
					deltas.add(new DailyMeasures.Delta(day, parts[1], parts[2], parts[3], Measure.valueOf(measure), delta));
				}
			}
		}
		return deltas;
	}

	private static LocalDate day(String place) {
		return LocalDate.parse(place.substring(0, place.indexOf(SEPARATOR)));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value.replace(SEPARATOR, "");
	}
}
