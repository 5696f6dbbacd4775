package tongban.proactive.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConditionsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static Condition on(String field, Operator operator, String value) {
		return new Condition("XH-GA-RK", field, operator, value);
	}

	@Test
	void agesAreWholeYearsOnTheDay() {
		assertThat(Conditions.holds(on("birthDate", Operator.AGE_AT_LEAST, "80"), "1946-12-07", TODAY)).isTrue();
		assertThat(Conditions.holds(on("birthDate", Operator.AGE_AT_LEAST, "80"), "1946-12-08", TODAY)).as("79 until tomorrow").isFalse();
		assertThat(Conditions.holds(on("birthDate", Operator.AGE_BELOW, "80"), "1946-12-08", TODAY)).isTrue();
		assertThat(Conditions.holds(on("birthDate", Operator.AGE_AT_LEAST, "80"), "not a date", TODAY)).isFalse();
	}

	@Test
	void daysAheadAndBehind() {
		assertThat(Conditions.holds(on("validUntil", Operator.DUE_WITHIN_DAYS, "30"), "2027-01-06", TODAY)).isTrue();
		assertThat(Conditions.holds(on("validUntil", Operator.DUE_WITHIN_DAYS, "30"), "2027-01-07", TODAY)).isFalse();
		assertThat(Conditions.holds(on("validUntil", Operator.DUE_WITHIN_DAYS, "30"), "2026-12-06", TODAY)).as("already past").isFalse();
		assertThat(Conditions.holds(on("birthDate", Operator.SINCE_WITHIN_DAYS, "30"), "2026-11-07", TODAY)).isTrue();
		assertThat(Conditions.holds(on("birthDate", Operator.SINCE_WITHIN_DAYS, "30"), "2026-11-06", TODAY)).isFalse();
	}

	@Test
	void textAndNumbers() {
		assertThat(Conditions.holds(on("householdAddress", Operator.STARTS_WITH, "浙江省杭州市西湖区"), "浙江省杭州市西湖区文三路 1 号", TODAY)).isTrue();
		assertThat(Conditions.holds(on("gender", Operator.ONE_OF, "男、女"), "女", TODAY)).isTrue();
		assertThat(Conditions.holds(on("gender", Operator.NOT_EQUALS, "男"), "女", TODAY)).isTrue();
		assertThat(Conditions.holds(on("layoffs", Operator.AT_MOST, "0"), "0", TODAY)).isTrue();
		assertThat(Conditions.holds(on("layoffs", Operator.AT_MOST, "0"), "2", TODAY)).isFalse();
		assertThat(Conditions.holds(on("layoffs", Operator.AT_LEAST, "1"), "", TODAY)).as("missing never matches").isFalse();
	}

	@Test
	void onlyTheResourcesOwnConditionsAreTestedAgainstItsRecord() {
		List<Condition> rule = List.of(on("birthDate", Operator.AGE_AT_LEAST, "80"), new Condition("XH-MZ-HY", "maritalStatus", Operator.EQUALS, "已婚"));
		assertThat(Conditions.matches(rule, "XH-GA-RK", Map.of("birthDate", "1940-01-01"), TODAY)).isTrue();
		assertThat(Conditions.matches(rule, "XH-MZ-HY", Map.of("maritalStatus", "未婚"), TODAY)).isFalse();
	}
}
