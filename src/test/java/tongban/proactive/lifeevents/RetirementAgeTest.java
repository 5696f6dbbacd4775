package tongban.proactive.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tongban.proactive.lifeevents.RetirementAge.Start;

/**
 * Retirement ages against the tables attached to the 2024 decision (渐进式延迟法定退休年龄): each row is a birth month,
 * the age after the reform and the month of retirement as the tables print them.
 */
class RetirementAgeTest {

	@ParameterizedTest(name = "{0} born {1}: {2}y{3}m, retires {4}")
	@CsvSource({
			// men, from 60: one month per 4 months of birth from January 1965, at most 63
			"MEN_60, 1964-12-15, 60, 0, 2024-12",
			"MEN_60, 1965-01-01, 60, 1, 2025-02",
			"MEN_60, 1965-04-30, 60, 1, 2025-05",
			"MEN_60, 1965-05-01, 60, 2, 2025-07",
			"MEN_60, 1971-01-10, 61, 7, 2032-08",
			"MEN_60, 1976-08-10, 62, 11, 2039-07",
			"MEN_60, 1976-09-10, 63, 0, 2039-09",
			"MEN_60, 1990-01-01, 63, 0, 2053-01",
			// women, from 55: the same steps from January 1970, at most 58
			"WOMEN_55, 1969-12-01, 55, 0, 2024-12",
			"WOMEN_55, 1970-01-01, 55, 1, 2025-02",
			"WOMEN_55, 1975-01-01, 56, 4, 2031-05",
			"WOMEN_55, 1981-09-01, 58, 0, 2039-09",
			// women, from 50: one month per 2 months from January 1975, at most 55
			"WOMEN_50, 1974-12-01, 50, 0, 2024-12",
			"WOMEN_50, 1975-01-01, 50, 1, 2025-02",
			"WOMEN_50, 1975-02-28, 50, 1, 2025-03",
			"WOMEN_50, 1975-03-01, 50, 2, 2025-05",
			"WOMEN_50, 1980-01-01, 52, 7, 2032-08",
			"WOMEN_50, 1984-10-01, 54, 11, 2039-09",
			"WOMEN_50, 1984-11-01, 55, 0, 2039-11" })
	void agesAndMonthsAsTheTablesPrintThem(Start start, LocalDate born, int years, int months, YearMonth retiresIn) {
		RetirementAge.Age age = RetirementAge.of(start, born);
		assertThat(age.years()).isEqualTo(years);
		assertThat(age.months()).isEqualTo(months);
		assertThat(age.retiresIn()).isEqualTo(retiresIn);
	}

	@ParameterizedTest
	@CsvSource({ "1965-01-31, 2025-02-28", "1966-12-31, 2027-06-30", "1964-02-29, 2024-02-29" })
	void theDayReachedKeepsTheMonthArithmeticOfShortMonths(LocalDate born, LocalDate reached) {
		assertThat(RetirementAge.of(Start.MEN_60, born).reachedOn()).isEqualTo(reached);
	}

	@ParameterizedTest
	@CsvSource(value = { "男, MEN_60", "女, WOMEN_55", "未知, " }, nullValues = "")
	void theRegisterPicksTheStartByGender(String gender, Start start) {
		assertThat(RetirementAge.startFor(gender)).isEqualTo(Optional.ofNullable(start));
	}

	@ParameterizedTest
	@CsvSource({ "1971-01-10, 61岁7个月", "1964-06-01, 60岁" })
	void theAgeInWords(LocalDate born, String words) {
		assertThat(RetirementAge.of(Start.MEN_60, born).words()).isEqualTo(words);
	}
}
