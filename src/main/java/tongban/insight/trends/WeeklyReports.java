package tongban.insight.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import tongban.hotline.HotlineCatalogue;
import tongban.hotline.TicketDigests;
import tongban.hotline.TicketDigests.TicketDigest;
import tongban.insight.trends.TopicAlerts.TopicAlert;
import tongban.shared.Clocks;

/**
 * The weekly 舆情 report of 12345: the week's tickets by category, term and township against the week before
 * (week-on-week change), and the surges whose window overlaps the week.
 */
@Service
public class WeeklyReports {

	/** How many categories and terms the report lists. */
	public static final int TOP = 10;

	/** One line: this week's count and last week's. */
	public record Line(String key, String label, int count, int previous) {

		/** The week-on-week change (null when last week had none). */
		public Double change() {
			return previous == 0 ? null : (count - previous) / (double) previous;
		}
	}

	/** The report of an ISO week ("2026-W49"). */
	public record WeeklyReport(String week, LocalDate start, LocalDate end, String previousWeek, String nextWeek, int total, int previousTotal,
			List<Line> categories, List<Line> terms, List<Line> townships, List<TopicAlert> surges) {
	}

	private final TicketDigests digests;
	private final HotlineCatalogue catalogue;
	private final TopicAlerts alerts;
	private final TrendScope scope;

	WeeklyReports(TicketDigests digests, HotlineCatalogue catalogue, TopicAlerts alerts, TrendScope scope) {
		this.digests = digests;
		this.catalogue = catalogue;
		this.alerts = alerts;
		this.scope = scope;
	}

	/** The ISO week of a day. */
	public static String week(LocalDate day) {
		return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The Monday of an ISO week written "2026-W49", empty when it is not one. */
	public static Optional<LocalDate> monday(String week) {
		if (week == null || !week.matches("\\d{4}-W\\d{2}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** The report of the week starting on {@code monday} for the townships under the region prefix. */
	public WeeklyReport report(LocalDate monday, String regionPrefix) {
		LocalDate start = monday.with(DayOfWeek.MONDAY);
		LocalDate end = start.plusDays(6);
		Map<String, int[]> categories = new HashMap<>();
		Map<String, int[]> terms = new HashMap<>();
		Map<String, int[]> townships = new HashMap<>();
		int[] totals = new int[2];
		OffsetDateTime from = start.minusDays(7).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		OffsetDateTime to = end.plusDays(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		digests.each(from, to, regionPrefix, (TicketDigest ticket) -> {
			int which = ticket.createdAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().isBefore(start) ? 1 : 0;
			totals[which]++;
			categories.computeIfAbsent(ticket.categoryCode(), k -> new int[2])[which]++;
			townships.computeIfAbsent(TopicCounts.township(ticket.regionCode()), k -> new int[2])[which]++;
			for (String term : TopicCounts.terms(ticket.text())) {
				terms.computeIfAbsent(term, k -> new int[2])[which]++;
			}
		});
		Map<String, String> names = catalogue.names();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return new WeeklyReport(week(start), start, end, week(start.minusDays(7)), start.plusDays(7).isAfter(today) ? null : week(start.plusDays(7)),
				totals[0], totals[1], lines(categories, code -> names.getOrDefault(code, code), TOP), lines(terms, term -> term, TOP),
				lines(townships, scope::regionName, Integer.MAX_VALUE), alerts.overlapping(regionPrefix, start, end));
	}

	private static List<Line> lines(Map<String, int[]> counts, Function<String, String> label, int limit) {
		return counts.entrySet()
			.stream()
			.filter(e -> e.getValue()[0] > 0)
			.map(e -> new Line(e.getKey(), label.apply(e.getKey()), e.getValue()[0], e.getValue()[1]))
			.sorted(Comparator.comparingInt(Line::count).reversed().thenComparing(Line::key))
			.limit(limit)
			.toList();
	}
}
