package tongban.insight.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.insight.Measure;
import tongban.insight.SupervisionOrder;
import tongban.insight.SupervisionOrders;
import tongban.insight.assessment.domain.ScoringRules;
import tongban.insight.assessment.internal.AssessmentReports;
import tongban.insight.assessment.internal.MonthlyAssessment;
import tongban.insight.internal.DailyMeasures;
import tongban.shared.Clocks;
import tongban.support.IntegrationTest;
import tongban.support.Poppler;

/**
 * The monthly score from figures set by hand (February 2024, 区人力社保局, a period no other test writes), the card
 * deduction in the month under way, the rules of a past month kept when they change, and the sealed report.
 */
class AssessmentIT extends IntegrationTest {

	static final YearMonth MONTH = YearMonth.of(2024, 2);

	@Autowired
	DailyMeasures measures;

	@Autowired
	MonthlyAssessment assessment;

	@Autowired
	AssessmentReports reports;

	@Autowired
	ScoringRules rules;

	@Autowired
	SupervisionOrders orders;

	MonthlyAssessment.Ranked row(MonthlyAssessment.Ranking ranking, String department) {
		return ranking.rows().stream().filter(r -> r.department().code().equals(department)).findFirst().orElseThrow();
	}

	@Test
	void theScoreIsTheWeighedFiguresLessTheCardsAndTheReportIsSealed() {
		LocalDate day = MONTH.atDay(12);
		measures.add(day, "XH-RLSB", "330106001", "330106-GF-0001", Measure.CASES_CONCLUDED, 6);
		measures.add(MONTH.atDay(20), "XH-RLSB", "330106002", "330106-GF-0002", Measure.CASES_CONCLUDED, 4);
		measures.add(day, "XH-RLSB", "330106001", "330106-GF-0001", Measure.CASES_ON_TIME, 5);
		measures.add(MONTH.atDay(20), "XH-RLSB", "330106002", "330106-GF-0002", Measure.CASES_ON_TIME, 4);
		measures.add(day, "XH-RLSB", "330106001", "330106-GF-0001", Measure.CASES_SUBMITTED, 10);
		measures.add(day, "XH-RLSB", "330106001", "330106-GF-0001", Measure.CASES_ONLINE, 4);
		measures.add(day, "XH-RLSB", "330106001", "330106-GF-0001", Measure.CASES_FULLY_ONLINE, 3);
		// outside the month: not counted
		measures.add(MONTH.atDay(1).minusDays(1), "XH-RLSB", "330106001", "330106-GF-0001", Measure.CASES_CONCLUDED, 50);

		// version 1 (in force since 2020): on time 9/10 = 0.9 of 0.98 × 30 = 27.55; online 0.4 of 0.8 × 15 = 7.50;
		// fully online 3/10 = 0.3 of 0.6 × 10 = 5.00; good, rectified, hotline ×2 not measured: 15 + 10 + 10 + 10 = 45
		MonthlyAssessment.Ranking ranking = assessment.ranking("330106", MONTH);
		assertThat(ranking.rules().version()).isEqualTo(1);
		MonthlyAssessment.Ranked rlsb = row(ranking, "XH-RLSB");
		assertThat(rlsb.score().parts()).extracting(p -> p.points().toPlainString())
			.containsExactly("27.55", "7.50", "5.00", "15.00", "10.00", "10.00", "10.00");
		assertThat(rlsb.score().total()).isEqualByComparingTo("85.05");
		assertThat(rlsb.rank()).as("every other department of the district scored 100 or less, none below 85.05")
			.isEqualTo((int) ranking.rows().stream().filter(r -> r.score().total().compareTo(new BigDecimal("85.05")) > 0).count() + 1);

		byte[] pdf = reports.report(ranking, rlsb, "考核测试");
		assertThat(Poppler.signatures(pdf)).contains("Signature is Valid.").contains("杭州市西湖区政务服务中心");
		assertThat(Poppler.text(pdf).replaceAll("\\s+", "")).contains("85.05").contains("杭州市西湖区人力资源和社会保障局").contains("KH-2024-02-XH-RLSB");

		// a new version of the rules weighs the month under way, never February 2024
		var current = rules.current();
		rules.save(current.rules(), current.yellowDeduction(), new BigDecimal("4"), "考核测试");
		assertThat(assessment.ranking("330106", MONTH).rules().version()).isEqualTo(1);
		assertThat(rules.current().redDeduction()).isEqualByComparingTo("4");
		rules.save(current.rules(), current.yellowDeduction(), current.redDeduction(), "考核测试");
	}

	@Test
	void aRedCardCostsItsDeductionInTheMonthItWasIssued() {
		YearMonth now = YearMonth.now(Clocks.ZONE);
		BigDecimal before = row(assessment.ranking("330106", now), "XH-SCJG").score().total();
		var order = orders.raise(SupervisionOrder.Rule.CLOCK_RED, "assessment-test-" + System.nanoTime(), "测试红牌", "XH-SCJG", null).orElseThrow();
		MonthlyAssessment.Ranking after = assessment.ranking("330106", now);
		assertThat(order.card()).isEqualTo(SupervisionOrder.Card.RED);
		assertThat(before.subtract(row(after, "XH-SCJG").score().total())).isEqualByComparingTo(after.rules().redDeduction());
	}
}
