package tongban.insight.assessment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.insight.Indicator;
import tongban.insight.IndicatorFilter;
import tongban.insight.IndicatorValue;
import tongban.insight.Indicators;
import tongban.insight.SupervisionOrder;
import tongban.insight.SupervisionOrders;
import tongban.insight.assessment.domain.ScoreCard;
import tongban.insight.assessment.domain.ScoringRules;

/**
 * The monthly 考核 of the departments of a region: each department's {@link ScoreCard} from the month's indicators
 * (read through {@link Indicators}, the same sums as every dashboard) and its cards, under the rules in force at the
 * month's end, ranked best first (equal scores share a rank).
 */
@Service
public class MonthlyAssessment {

	/** One department's place: its rank among the region's departments and its score. */
	public record Ranked(int rank, DepartmentView department, ScoreCard.Score score) {
	}

	/** The month's ranking and the rules it was scored with. */
	public record Ranking(YearMonth month, String region, ScoringRules.RuleSet rules, List<Ranked> rows) {
	}

	private final Indicators indicators;
	private final SupervisionOrders orders;
	private final ScoringRules scoringRules;
	private final DirectoryManagement directory;

	MonthlyAssessment(Indicators indicators, SupervisionOrders orders, ScoringRules scoringRules, DirectoryManagement directory) {
		this.indicators = indicators;
		this.orders = orders;
		this.scoringRules = scoringRules;
		this.directory = directory;
	}

	/** The ranking of the departments whose region lies in {@code region} (a code such as 330106). */
	@Transactional(readOnly = true)
	public Ranking ranking(String region, YearMonth month) {
		ScoringRules.RuleSet rules = scoringRules.inForce(month);
		String prefix = IndicatorFilter.regionPrefix(region);
		List<DepartmentView> departments = directory.departments().stream()
			.filter(d -> d.regionCode() != null && d.regionCode().startsWith(prefix))
			.toList();
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		List<Indicator> weighed = rules.rules().stream().map(ScoringRules.Rule::indicator).toList();
		Map<String, Map<Indicator, Double>> actuals = new HashMap<>();
		if (!weighed.isEmpty()) {
			for (IndicatorValue value : indicators.values(new IndicatorFilter(weighed, region, null, null, from, to, IndicatorFilter.Grouping.DEPARTMENT))) {
				if (value.value() != null) {
					actuals.computeIfAbsent(value.key(), k -> new EnumMap<>(Indicator.class)).put(value.indicator(), value.value());
				}
			}
		}
		List<Ranked> scored = new ArrayList<>();
		for (DepartmentView department : departments) {
			ScoreCard.Score score = ScoreCard.score(department.code(), rules, actuals.getOrDefault(department.code(), Map.of()),
					orders.cards(department.code(), SupervisionOrder.Card.YELLOW, from, to), orders.cards(department.code(), SupervisionOrder.Card.RED, from, to));
			scored.add(new Ranked(0, department, score));
		}
		scored.sort(Comparator.comparing((Ranked r) -> r.score().total()).reversed().thenComparing(r -> r.department().code()));
		List<Ranked> rows = new ArrayList<>();
		for (int i = 0; i < scored.size(); i++) {
			Ranked r = scored.get(i);
			int rank = i > 0 && rows.get(i - 1).score().total().compareTo(r.score().total()) == 0 ? rows.get(i - 1).rank() : i + 1;
			rows.add(new Ranked(rank, r.department(), r.score()));
		}
		return new Ranking(month, region, rules, rows);
	}
}
