package tongban.proactive.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Amounts by age band are reckoned in whole years on the decision's day (the band with the highest lower age reached);
 * per unit multiplies a count; bands are written "80:100；90:300".
 */
class AmountRuleTest {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	private final AmountRule bands = new AmountRule("AGE_BANDS", "birthDate", null, BenefitPolicies.bands("80:100；90:300；100:600"));

	@Test
	void theBandIsTheHighestReachedOnTheDay() {
		assertThat(bands.amountFor(Map.of("birthDate", "1946-12-07"), DAY)).contains(new BigDecimal("100"));
		assertThat(bands.amountFor(Map.of("birthDate", "1936-12-08"), DAY)).as("89 until tomorrow").contains(new BigDecimal("100"));
		assertThat(bands.amountFor(Map.of("birthDate", "1936-12-07"), DAY)).contains(new BigDecimal("300"));
		assertThat(bands.amountFor(Map.of("birthDate", "1926-12-07"), DAY)).contains(new BigDecimal("600"));
		assertThat(bands.amountFor(Map.of("birthDate", "1946-12-08"), DAY)).as("79: no band").isEmpty();
		assertThat(bands.amountFor(Map.of("birthDate", "not a date"), DAY)).isEmpty();
	}

	@Test
	void perUnitMultipliesTheCountAndFixedIsFixed() {
		AmountRule perPerson = new AmountRule("PER_UNIT", "insuredCount", new BigDecimal("500"), List.of());
		assertThat(perPerson.amountFor(Map.of("insuredCount", "12"), DAY)).contains(new BigDecimal("6000"));
		assertThat(perPerson.amountFor(Map.of("insuredCount", "0"), DAY)).isEmpty();
		assertThat(AmountRule.fixed(new BigDecimal("300")).amountFor(Map.of(), DAY)).contains(new BigDecimal("300"));
	}

	@Test
	void bandsMustEachBeAnAgeAndAnAmount() {
		assertThat(BenefitPolicies.bands("80:100, 90：300")).containsExactly(new AmountRule.Band(80, new BigDecimal("100")),
				new AmountRule.Band(90, new BigDecimal("300")));
		assertThat(BenefitPolicies.bands("80-100")).isEmpty();
		assertThat(BenefitPolicies.bands("80:abc")).isEmpty();
		assertThat(BenefitPolicies.bands("")).isEmpty();
	}

	@Test
	void periodsAreMonthsOrOnce() {
		assertThat(BenefitPeriod.MONTHLY.periodOf(DAY)).isEqualTo("2026-12");
		assertThat(BenefitPeriod.ONE_OFF.periodOf(DAY)).isEqualTo("ONCE");
	}
}
