package tongban.proactive.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tongban.notification.Topic;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Conditions;
import tongban.proactive.rules.Operator;

/** The seeded kinds of life-event rule, as their conditions decide on given days (counted by hand). */
class LifeRuleTest {

	static final List<Condition> TURNING_80 = List.of(new Condition("XH-GA-RK", "birthDate", Operator.AGE_AT_LEAST, "80"),
			new Condition("XH-GA-RK", "birthDate", Operator.AGE_BELOW, "81"));

	static final List<Condition> BORN_LATELY = List.of(new Condition("XH-WJ-CS", "birthDate", Operator.SINCE_WITHIN_DAYS, "60"));

	@ParameterizedTest(name = "born {0}, on {1}: {2}")
	@CsvSource({
			// the day before the 80th birthday, the birthday, the day before the 81st, the 81st
			"1946-12-08, 2026-12-07, false",
			"1946-12-08, 2026-12-08, true",
			"1946-12-08, 2027-12-07, true",
			"1946-12-08, 2027-12-08, false",
			// born on 29 February: 80 on 28 February of a common year (Period counts whole months)
			"1944-02-29, 2024-02-28, false",
			"1944-02-29, 2024-02-29, true" })
	void turning80AcrossTheBirthday(LocalDate born, LocalDate today, boolean matches) {
		assertThat(Conditions.matches(TURNING_80, "XH-GA-RK", Map.of("birthDate", born.toString()), today)).isEqualTo(matches);
	}

	@ParameterizedTest(name = "born {0}, on {1}: {2}")
	@CsvSource({ "2026-12-07, 2026-12-07, true", "2026-10-08, 2026-12-07, true", "2026-10-07, 2026-12-07, false",
			"2026-12-08, 2026-12-07, false" })
	void aBirthCountsForSixtyDays(LocalDate born, LocalDate today, boolean matches) {
		assertThat(Conditions.matches(BORN_LATELY, "XH-WJ-CS", Map.of("birthDate", born.toString()), today)).isEqualTo(matches);
	}

	@ParameterizedTest(name = "valid to {0}, on {1}: {2}")
	@CsvSource({ "2027-03-07, 2026-12-07, true", "2027-03-08, 2026-12-07, false", "2026-12-07, 2026-12-07, true",
			"2026-12-06, 2026-12-07, false" })
	void aLicenceIsDueWithinNinetyDays(LocalDate validTo, LocalDate today, boolean matches) {
		Condition due = new Condition("XH-LICENCE", "validTo", Operator.DUE_WITHIN_DAYS, "90");
		assertThat(Conditions.holds(due, validTo.toString(), today)).isEqualTo(matches);
	}

	@Test
	void theReasonTakesTheRecordsFieldsAndDropsUnknownOnes() {
		LifeRule rule = new LifeRule("LE-T", "测试", Topic.LICENCE_DUE, LifeRule.SubjectKind.PERSON, LifeRule.Trigger.LICENCE_DUE,
				LifeRule.OccasionKind.LICENCE_EXPIRY, null, List.of(), List.of(), 90, LifeRule.TargetKind.ITEM, "X", Map.of(),
				"因为您的{licenceName}将于{validUntil}到期{unknown}", 1, true);
		assertThat(rule.reasonVariables()).containsExactly("licenceName", "validUntil", "unknown");
		assertThat(rule.reasonWith(Map.of("licenceName", "食品经营许可证", "validUntil", "2027年3月7日"))).isEqualTo("因为您的食品经营许可证将于2027年3月7日到期");
	}

	@Test
	void theRecommendationGraphEndsInActedOrDismissed() {
		assertThat(RecommendationStatus.GRAPH.next(RecommendationStatus.NEW)).containsExactlyInAnyOrder(RecommendationStatus.ACTED,
				RecommendationStatus.DISMISSED);
		assertThat(RecommendationStatus.GRAPH.terminal()).containsExactlyInAnyOrder(RecommendationStatus.ACTED, RecommendationStatus.DISMISSED);
	}
}
