package tongban.insight.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tongban.insight.Indicator;

/**
 * The scoring rules as a platform admin typed them: per indicator a weight (whole points), a target (a percentage for
 * rates and savings, a number otherwise) and a direction; points per yellow and red card. {@link #problems()} refuses,
 * field by field, what cannot be saved: weights must be whole numbers from 0 to 100 and sum to exactly 100.
 */
public record RuleDraft(Map<String, String> weights, Map<String, String> targets, Map<String, String> directions, String yellow, String red) {

	/** The field of an indicator's weight, target or direction. */
	public static String field(String kind, Indicator indicator) {
		return kind + "-" + indicator.code();
	}

	/** Whether the indicator's target is typed as a percentage. */
	public static boolean percent(Indicator indicator) {
		return indicator.formula() == Indicator.Formula.RATE || indicator.formula() == Indicator.Formula.SAVING;
	}

	/** Message keys by field, in the order of the form; empty when the draft may be saved. */
	public Map<String, String> problems() {
		Map<String, String> out = new LinkedHashMap<>();
		int sum = 0;
		boolean weightsRead = true;
		for (Indicator indicator : Indicator.values()) {
			Integer weight = whole(weights.get(indicator.code()));
			if (weight == null || weight > 100) {
				out.put(field("weight", indicator), "insight.assess.error.weight");
				weightsRead = false;
			}
			else {
				sum += weight;
			}
			BigDecimal target = decimal(targets.get(indicator.code()));
			if (target == null || (percent(indicator) && target.compareTo(BigDecimal.valueOf(100)) > 0)) {
				out.put(field("target", indicator), percent(indicator) ? "insight.assess.error.targetPercent" : "insight.assess.error.target");
			}
		}
		if (weightsRead && sum != 100) {
			out.put("weights", "insight.assess.error.weightSum");
		}
		if (deduction(yellow) == null) {
			out.put("yellow", "insight.assess.error.deduction");
		}
		if (deduction(red) == null) {
			out.put("red", "insight.assess.error.deduction");
		}
		return out;
	}

	/** The rules of a draft without problems, in the order of the indicators, weightless ones left out. */
	public List<ScoringRules.Rule> rules() {
		List<ScoringRules.Rule> out = new ArrayList<>();
		for (Indicator indicator : Indicator.values()) {
			int weight = whole(weights.get(indicator.code()));
			if (weight > 0) {
				double target = decimal(targets.get(indicator.code())).doubleValue();
				out.add(new ScoringRules.Rule(indicator, weight, percent(indicator) ? target / 100 : target,
						!"lower".equals(directions.get(indicator.code()))));
			}
		}
		return out;
	}

	public BigDecimal yellowDeduction() {
		return deduction(yellow);
	}

	public BigDecimal redDeduction() {
		return deduction(red);
	}

	/** The sum of the weights that could be read (for the hint beside the fieldset). */
	public int weightSum() {
		return Arrays.stream(Indicator.values()).map(i -> whole(weights.get(i.code()))).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
	}

	private static Integer whole(String value) {
		return value != null && value.strip().matches("\\d{1,3}") ? Integer.valueOf(value.strip()) : null;
	}

	private static BigDecimal decimal(String value) {
		return value != null && value.strip().matches("\\d{1,6}(\\.\\d{1,4})?") ? new BigDecimal(value.strip()) : null;
	}

	private static BigDecimal deduction(String value) {
		BigDecimal points = value != null && value.strip().matches("\\d{1,2}(\\.\\d{1,2})?") ? new BigDecimal(value.strip()) : null;
		return points != null && points.compareTo(BigDecimal.valueOf(50)) <= 0 ? points : null;
	}
}
