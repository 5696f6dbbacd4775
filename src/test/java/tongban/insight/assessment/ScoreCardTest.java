package tongban.insight.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.insight.Indicator;
import tongban.insight.assessment.domain.RuleDraft;
import tongban.insight.assessment.domain.ScoreCard;
import tongban.insight.assessment.domain.ScoringRules;

/** The score formula and the weights check, with the expected figures worked out by hand in the comments. */
class ScoreCardTest {

	static final ScoringRules.RuleSet RULES = new ScoringRules.RuleSet(UUID.randomUUID(), 1, new BigDecimal("1"), new BigDecimal("3"), "测试",
			OffsetDateTime.now(), List.of(new ScoringRules.Rule(Indicator.ON_TIME_RATE, 60, 0.98, true),
					new ScoringRules.Rule(Indicator.OVERDUE_CASES, 30, 2, false), new ScoringRules.Rule(Indicator.GOOD_RATE, 10, 0.99, true)));

	@Test
	void weightTimesAttainmentMinusCards() {
		// on time 0.49 of 0.98 → half of 60 = 30.00; overdue 4 against 2 (lower is better) → 2/4 of 30 = 15.00;
		// good rate not measured → attained, 10.00; 2 yellow × 1 + 1 red × 3 = 5.00; 30 + 15 + 10 − 5 = 50.00
		ScoreCard.Score score = ScoreCard.score("D", RULES, Map.of(Indicator.ON_TIME_RATE, 0.49, Indicator.OVERDUE_CASES, 4.0), 2, 1);
		assertThat(score.parts()).extracting(p -> p.points().toPlainString()).containsExactly("30.00", "15.00", "10.00");
		assertThat(score.deduction()).isEqualByComparingTo("5");
		assertThat(score.total()).isEqualByComparingTo("50.00");
	}

	@Test
	void attainmentIsCappedAndATargetOfNothingIsStrict() {
		// better than the target earns no more than the weight
		assertThat(ScoreCard.attainment(RULES.rules().get(0), 1.0)).isEqualTo(1.0);
		assertThat(ScoreCard.attainment(RULES.rules().get(1), 1.0)).isEqualTo(1.0);
		var noOverdue = new ScoringRules.Rule(Indicator.OVERDUE_CASES, 10, 0, false);
		assertThat(ScoreCard.attainment(noOverdue, 0.0)).isEqualTo(1.0);
		assertThat(ScoreCard.attainment(noOverdue, 1.0)).isEqualTo(0.0);
		// 2 of 3 on time against 98 %: 0.6667 / 0.98 of 60 = 40.82
		assertThat(ScoreCard.score("D", RULES, Map.of(Indicator.ON_TIME_RATE, 2.0 / 3), 0, 0).parts().get(0).points()).isEqualByComparingTo("40.82");
	}

	@Test
	void weightsMustBeWholeAndSumToAHundred() {
		Map<String, String> weights = new HashMap<>();
		Map<String, String> targets = new HashMap<>();
		for (Indicator indicator : Indicator.values()) {
			weights.put(indicator.code(), "0");
			targets.put(indicator.code(), "90");
		}
		weights.put("on-time-rate", "60");
		weights.put("good-rate", "30");
		RuleDraft ninety = new RuleDraft(weights, targets, Map.of(), "1", "3");
		assertThat(ninety.problems()).containsExactly(Map.entry("weights", "insight.assess.error.weightSum"));
		assertThat(ninety.weightSum()).isEqualTo(90);

		weights.put("online-rate", "10");
		RuleDraft hundred = new RuleDraft(weights, targets, Map.of("good-rate", "lower"), "1", "3");
		assertThat(hundred.problems()).isEmpty();
		assertThat(hundred.rules()).extracting(ScoringRules.Rule::indicator)
			.containsExactly(Indicator.ONLINE_RATE, Indicator.ON_TIME_RATE, Indicator.GOOD_RATE);
		assertThat(hundred.rules().get(1).target()).as("typed as a percentage").isEqualTo(0.9);
		assertThat(hundred.rules().get(2).higherIsBetter()).isFalse();

		weights.put("online-rate", "十");
		targets.put("on-time-rate", "120");
		RuleDraft bad = new RuleDraft(weights, targets, Map.of(), "-1", "3.555");
		assertThat(bad.problems()).containsEntry("weight-online-rate", "insight.assess.error.weight")
			.containsEntry("target-on-time-rate", "insight.assess.error.targetPercent")
			.containsEntry("yellow", "insight.assess.error.deduction")
			.containsEntry("red", "insight.assess.error.deduction")
			.as("no sum is claimed while a weight cannot be read").doesNotContainKey("weights");
	}
}
