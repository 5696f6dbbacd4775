package tongban.insight.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tongban.insight.Indicator;

/**
 * The monthly 考核 score of one department (docs/insight.md, 考核): for each weighed indicator, weight × attainment,
 * where attainment is actual / target capped at 1 when higher is better, target / actual capped at 1 when lower is
 * better (0 when the target is 0 and the actual is not), and 1 when there was nothing to measure; then the card
 * deductions. A weighted indicator system whose weights sum to 100, each indicator scored against a target and
 * deductions counted apart, is how the national 一体化政务服务能力调查评估 and the provincial 效能 考核 schemes score;
 * 国办发〔2019〕51号 asks that 好差评 results count in such 考核. The linear 「达标得满分、未达标按比例得分」 rule keeps every
 * point traceable to the published figures.
 */
public final class ScoreCard {

	/** One indicator's part: the actual value (null: nothing measured), the attainment and the points earned. */
	public record Part(ScoringRules.Rule rule, Double actual, double attainment, BigDecimal points) {
	}

	/** A department's score: the parts, the cards counted and the points they cost, and the total. */
	public record Score(String departmentCode, List<Part> parts, long yellowCards, long redCards, BigDecimal deduction, BigDecimal total) {
	}

	private ScoreCard() {
	}

	/** How far an actual value reaches its target, from 0 to 1. */
	public static double attainment(ScoringRules.Rule rule, Double actual) {
		if (actual == null) {
			return 1;
		}
		double target = rule.target();
		if (rule.higherIsBetter()) {
			return target <= 0 ? 1 : Math.min(1, Math.max(0, actual) / target);
		}
		if (actual <= target) {
			return 1;
		}
		return target <= 0 ? 0 : target / actual;
	}

	/** The score from the indicators' values (by indicator) and the month's cards, rounded to two decimals. */
	public static Score score(String departmentCode, ScoringRules.RuleSet rules, Map<Indicator, Double> actuals, long yellow, long red) {
		List<Part> parts = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (ScoringRules.Rule rule : rules.rules()) {
			if (rule.weight() == 0) {
				continue;
			}
			Double actual = actuals.get(rule.indicator());
			double attainment = attainment(rule, actual);
			BigDecimal points = BigDecimal.valueOf(rule.weight()).multiply(BigDecimal.valueOf(attainment)).setScale(2, RoundingMode.HALF_UP);
			parts.add(new Part(rule, actual, attainment, points));
			sum = sum.add(points);
		}
		BigDecimal deduction = rules.yellowDeduction().multiply(BigDecimal.valueOf(yellow)).add(rules.redDeduction().multiply(BigDecimal.valueOf(red)))
			.setScale(2, RoundingMode.HALF_UP);
		return new Score(departmentCode, parts, yellow, red, deduction, sum.subtract(deduction).setScale(2, RoundingMode.HALF_UP));
	}
}
