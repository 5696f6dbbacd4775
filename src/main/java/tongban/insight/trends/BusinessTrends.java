package tongban.insight.trends;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tongban.exchange.RegisterTrends;
import tongban.exchange.RegisterTrends.BusinessMonth;

/**
 * Business trends from the shared business register (exchange's {@link RegisterTrends}): new and closed businesses per
 * month, and per industry and township in a month with the early warning on closures ({@link ClosureWarning}).
 */
@Service
public class BusinessTrends {

	/** Months shown in the chart. */
	public static final int MONTHS = 12;

	/** A month's totals and how many industry-township cells warn in it. */
	public record MonthTotal(YearMonth month, int established, int closed, int warnings) {
	}

	/** One industry in one township in the chosen month. */
	public record Cell(String industry, String townshipCode, String township, int established, int closed, double previousMean, boolean warns) {
	}

	public record Trends(YearMonth month, List<MonthTotal> months, List<Cell> cells, ClosureWarning warning) {
	}

	private record Key(String industry, String township) {
	}

	private final RegisterTrends register;
	private final TrendScope scope;
	private final ClosureWarning warning;

	BusinessTrends(RegisterTrends register, TrendScope scope, @Value("${tongban.insight.trends.closure-factor:2}") double factor,
			@Value("${tongban.insight.trends.closure-minimum:5}") int minimum) {
		this.register = register;
		this.scope = scope;
		this.warning = new ClosureWarning(factor, minimum);
	}

	/** The trends of the twelve months ending with {@code month}, for townships under the region prefix. */
	public Trends trends(YearMonth month, String regionPrefix) {
		YearMonth first = month.minusMonths(MONTHS - 1L);
		YearMonth from = first.minusMonths(ClosureWarning.PREVIOUS_MONTHS);
		Map<Key, Map<YearMonth, BusinessMonth>> byCell = new LinkedHashMap<>();
		for (BusinessMonth row : register.businessMonths(from, month)) {
			if (row.townshipCode().startsWith(regionPrefix)) {
				byCell.computeIfAbsent(new Key(row.industry(), row.townshipCode()), k -> new LinkedHashMap<>()).put(row.month(), row);
			}
		}
		List<MonthTotal> months = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
			int established = 0;
			int closed = 0;
			int warnings = 0;
			for (Map<YearMonth, BusinessMonth> cell : byCell.values()) {
				BusinessMonth row = cell.get(m);
				established += row == null ? 0 : row.established();
				closed += row == null ? 0 : row.closed();
				warnings += warning.warns(row == null ? 0 : row.closed(), previous(cell, m)) ? 1 : 0;
			}
			months.add(new MonthTotal(m, established, closed, warnings));
		}
		List<Cell> cells = new ArrayList<>();
		byCell.forEach((key, cell) -> {
			BusinessMonth row = cell.get(month);
			int[] previous = previous(cell, month);
			int closed = row == null ? 0 : row.closed();
			if (row != null || ClosureWarning.mean(previous) > 0) {
				cells.add(new Cell(key.industry(), key.township(), scope.regionName(key.township()), row == null ? 0 : row.established(), closed,
						ClosureWarning.mean(previous), warning.warns(closed, previous)));
			}
		});
		cells.sort(Comparator.comparing((Cell c) -> !c.warns()).thenComparing(Comparator.comparingInt(Cell::closed).reversed())
			.thenComparing(Cell::industry).thenComparing(Cell::townshipCode));
		return new Trends(month, months, cells, warning);
	}

	private static int[] previous(Map<YearMonth, BusinessMonth> cell, YearMonth month) {
		int[] previous = new int[ClosureWarning.PREVIOUS_MONTHS];
		for (int back = 1; back <= previous.length; back++) {
			BusinessMonth row = cell.get(month.minusMonths(back));
			previous[back - 1] = row == null ? 0 : row.closed();
		}
		return previous;
	}
}
