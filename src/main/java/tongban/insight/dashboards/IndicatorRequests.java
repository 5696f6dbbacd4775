package tongban.insight.dashboards;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;
import tongban.directory.DirectoryManagement;
import tongban.insight.Indicator;
import tongban.insight.IndicatorFilter;
import tongban.shared.Clocks;

/**
 * Checks indicator parameters against the directory (regions, departments) and the catalogue (items) and turns them
 * into an {@link IndicatorFilter}; anything it cannot answer is an {@link IndicatorRefused} naming the parameter. A
 * period is {@code month} or {@code from}..{@code to}, never in the future (this month ends today) nor reversed, at most
 * {@link #MAX_DAYS} days; without one it is the last full month.
 */
@Component
class IndicatorRequests {

	/** The longest period asked for at once: ten years of days. */
	static final long MAX_DAYS = 3_660;

	/** Longer than any code the directory or the catalogue gives. */
	private static final int MAX_CODE = 40;

	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	IndicatorRequests(DirectoryManagement directory, CatalogManagement catalog) {
		this.directory = directory;
		this.catalog = catalog;
	}

	/** The filter the parameters ask for, grouped as {@code by} says (total when not given). */
	IndicatorFilter filter(IndicatorRequest request) {
		List<Indicator> indicators = new ArrayList<>();
		for (String code : request.indicators()) {
			indicators.add(Indicator.byCode(code.strip()).orElseThrow(() -> new IndicatorRefused("unknown-indicator", "indicator", code)));
		}
		String region = known(request.region(), "region", "unknown-region", code -> directory.region(code).isPresent());
		String department = known(request.department(), "department", "unknown-department",
				code -> directory.departmentByCode(code).isPresent());
		String item = known(request.item(), "item", "unknown-item", code -> catalog.published(code).isPresent());
		Period period = period(request.from(), request.to(), request.month());
		return new IndicatorFilter(indicators, region, department, item, period.from(), period.to(), grouping(request.by()));
	}

	/** A checked period: the days {@code from}..{@code to}. */
	record Period(LocalDate from, LocalDate to) {

		/** The months of the period, as yyyy-MM, oldest first. */
		List<String> months() {
			List<String> months = new ArrayList<>();
			for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
				months.add(m.toString());
			}
			return months;
		}
	}

	/** The period {@code month} or {@code from}..{@code to} name; the last full month when none is given. */
	Period period(String from, String to, String month) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		boolean range = present(from) || present(to);
		if (present(month) && range) {
			throw new IndicatorRefused("month-and-range", "month", month);
		}
		if (present(month)) {
			YearMonth chosen = parse(month, "month", "bad-month", YearMonth::parse, "\\d{4}-\\d{2}");
			if (chosen.isAfter(YearMonth.from(today))) {
				throw new IndicatorRefused("future-period", "month", month);
			}
			LocalDate end = chosen.atEndOfMonth();
			return new Period(chosen.atDay(1), end.isAfter(today) ? today : end);
		}
		if (!range) {
			return lastFullMonth();
		}
		if (!present(from) || !present(to)) {
			throw new IndicatorRefused("incomplete-range", present(from) ? "to" : "from", "");
		}
		LocalDate first = parse(from, "from", "bad-date", LocalDate::parse, "\\d{4}-\\d{2}-\\d{2}");
		LocalDate last = parse(to, "to", "bad-date", LocalDate::parse, "\\d{4}-\\d{2}-\\d{2}");
		if (last.isBefore(first)) {
			throw new IndicatorRefused("reversed-period", "to", to);
		}
		if (last.isAfter(today)) {
			throw new IndicatorRefused("future-period", "to", to);
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new IndicatorRefused("period-too-long", "from", from);
		}
		return new Period(first, last);
	}

	/** The month before this one, whole: what the public page shows first. */
	static Period lastFullMonth() {
		YearMonth last = YearMonth.now(Clocks.ZONE).minusMonths(1);
		return new Period(last.atDay(1), last.atEndOfMonth());
	}

	static IndicatorFilter.Grouping grouping(String by) {
		if (!present(by)) {
			return IndicatorFilter.Grouping.TOTAL;
		}
		for (IndicatorFilter.Grouping grouping : IndicatorFilter.Grouping.values()) {
			if (grouping.name().toLowerCase(Locale.ROOT).equals(by.strip())) {
				return grouping;
			}
		}
		throw new IndicatorRefused("unknown-grouping", "by", by);
	}

	private static String known(String code, String field, String refusal, Predicate<String> exists) {
		if (!present(code)) {
			return null;
		}
		String stripped = code.strip();
		if (stripped.length() > MAX_CODE || !exists.test(stripped)) {
			throw new IndicatorRefused(refusal, field, code);
		}
		return stripped;
	}

	private static <T> T parse(String text, String field, String refusal, Function<String, T> parser, String shape) {
		String stripped = text.strip();
		if (!stripped.matches(shape)) {
			throw new IndicatorRefused(refusal, field, text);
		}
		try {
			return parser.apply(stripped);
		}
		catch (DateTimeException e) {
			throw new IndicatorRefused(refusal, field, text);
		}
	}

	static boolean present(String text) {
		return text != null && !text.isBlank();
	}
}
