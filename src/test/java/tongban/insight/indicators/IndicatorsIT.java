package tongban.insight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CounterVisits;
import tongban.casework.Handling;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Role;
import tongban.insight.Indicator;
import tongban.insight.IndicatorFilter;
import tongban.insight.Measure;
import tongban.insight.VisitGap;
import tongban.insight.VisitGaps;
import tongban.insight.indicators.CountedFacts.Source;
import tongban.shared.Clocks;
import tongban.shared.Upload;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * Issue 18 §1: the case indicators of a small known history made through the real services and events (4 cases of
 * 社会保障卡申领, 区人力社保局: statutory and promised limit 10 working days, 0 declared visits), the same figures again
 * from the backfill, a redelivered event counted once, the measured visits and the items whose visits exceed the
 * declared ones, and the console's rebuild.
 */
class IndicatorsIT extends IntegrationTest {

	static final String DEPARTMENT = "XH-RLSB";
	static final String ITEM = ApplyOnlineJourneyIT.ITEM;

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Autowired
	CounterVisits visits;

	@Autowired
	DueFacts due;

	@Autowired
	CountingPass pass;

	@Autowired
	IndicatorBackfill backfill;

	@Autowired
	VisitGaps gaps;

	@Test
	void theCaseIndicatorsOfAKnownHistoryFromEventsAndFromTheBackfill() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		Map<Measure, Long> before = daily(today);

		// A: online, two 补正 rounds, accepted, approved, collected at the window (1 visit)
		Citizen first = newCitizen("指标甲", 2);
		CaseId a = TestCases.submittedSocialSecurityCard(applying, first);
		for (int round = 0; round < 2; round++) {
			handling.requestSupplements(a, "指标受理员", Map.of(1, "照片模糊"));
			assertThat(applying.resubmit(TestCases.actor(first), a, Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)))).isEmpty();
		}
		handling.accept(a, "指标受理员");
		handling.decide(a, TestCases.approver("指标审批员"), true, null);
		handling.deliver(a, "指标受理员", null);
		// B: online, not accepted (不予受理): concluded with no visit
		CaseId b = TestCases.submittedSocialSecurityCard(applying, newCitizen("指标乙", 2));
		handling.refuse(b, "指标受理员", "不符合申领条件");
		// C: at the counter (intake visit), approved, collected at the window (2 visits); a double click counts once
		Citizen third = newCitizen("指标丙", 2);
		Actor visitor = new Actor(third.id(), "窗口：指标受理员", new Party(Party.Kind.CITIZEN, third.id(), third.name()));
		CaseId c = applying.startDraft(visitor, ITEM, Applying.COUNTER);
		assertThat(applying.saveDraft(visitor, c, applying.draft(visitor, c).lockVersion(), Map.of("region", "330106", "bank", "中国银行",
				"delivery", "窗口领取"), Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)), Map.of())).isEmpty();
		var token = applying.draft(visitor, c).submitToken();
		assertThat(visits.submit(visitor, c, token, "窗口：指标受理员")).isEmpty();
		assertThat(visits.submit(visitor, c, token, "窗口：指标受理员")).isEmpty();
		handling.accept(c, "指标受理员");
		handling.decide(c, TestCases.approver("指标审批员"), true, null);
		handling.deliver(c, "指标受理员", null);
		// D: online, still open
		CaseId d = TestCases.submittedSocialSecurityCard(applying, newCitizen("指标丁", 2));

		assertThat(visits.count(a, CounterVisits.Kind.COLLECTION)).isEqualTo(1);
		assertThat(visits.count(c, CounterVisits.Kind.INTAKE)).as("one intake for a double click").isEqualTo(1);
		assertThat(visits.count(c, CounterVisits.Kind.COLLECTION)).isEqualTo(1);
		assertThat(visits.count(b, CounterVisits.Kind.COLLECTION) + visits.count(d, CounterVisits.Kind.INTAKE)).isZero();

		List<CaseId> mine = List.of(a, b, c, d);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertKnownFigures(counted(mine)));
		Map<Measure, Long> mineCounted = counted(mine);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(minus(daily(today), before)).as("insight_daily grew by exactly these cases")
			.isEqualTo(mineCounted));

		// a redelivered event adds nothing: its fact is marked again, as the listener marks it, and counted by a pass
		Map<Measure, Long> once = daily(today);
		due.mark(Source.CASE, a.value().toString());
		due.mark(Source.CASE, c.value().toString());
		pass.run();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jdbc.sql("select count(*) from insight_due_fact where fact_id = any(?)")
				.param(mine.stream().map(id -> id.value().toString()).toArray(String[]::new))
				.query(Long.class)
				.single()).as("taken and counted by a pass").isZero());
		assertThat(daily(today)).isEqualTo(once);
		assertThat(counted(mine)).isEqualTo(mineCounted);

		// the backfill, with these cases forgotten, finds the same figures from the records
		jdbc.sql("delete from insight_counted_fact where source = 'CASE' and fact_id = any(?)")
			.param(mine.stream().map(id -> id.value().toString()).toArray(String[]::new))
			.update();
		BackfillRun run = backfill.rebuild(today, today);
		assertThat(run.status()).isEqualTo(BackfillRun.Status.DONE);
		assertThat(run.facts()).isGreaterThanOrEqualTo(4);
		assertKnownFigures(counted(mine));
		// the rebuilt day is stable: a second rebuild gives the same counters (the whole day is not compared with the live
		// figures, because other test classes in the shared database move their cases' dates by hand)
		Map<Measure, Long> rebuilt = daily(today);
		assertThat(backfill.rebuild(today, today).status()).isEqualTo(BackfillRun.Status.DONE);
		assertThat(daily(today)).as("the same daily figures rebuilt again").isEqualTo(rebuilt);

		// measured 3 visits over 3 concluded cases against 0 declared: the item is flagged
		List<VisitGap> flagged = gaps.items(new IndicatorFilter(List.of(), "330106", DEPARTMENT, null, today, today, null));
		assertThat(flagged).extracting(VisitGap::itemCode).contains(ITEM);
		VisitGap gap = flagged.stream().filter(g -> g.itemCode().equals(ITEM)).findFirst().orElseThrow();
		assertThat(gap.itemName()).isEqualTo("社会保障卡申领");
		assertThat(gap.measured()).isGreaterThan(gap.declared());
	}

	/** The hand-counted figures of cases A–D. */
	private static void assertKnownFigures(Map<Measure, Long> sums) {
		// 4 submitted, 3 online
		assertThat(FactCellsTest.value(sums, Indicator.ONLINE_RATE)).isEqualTo(0.75);
		// A, B, C concluded; only B online with no visit
		assertThat(FactCellsTest.value(sums, Indicator.FULLY_ONLINE_RATE)).isCloseTo(1.0 / 3, within(1e-9));
		// all three concluded today, the day they came
		assertThat(FactCellsTest.value(sums, Indicator.IMMEDIATE_RATE)).isEqualTo(1.0);
		// 1 − 30 / 30
		assertThat(FactCellsTest.value(sums, Indicator.TIME_COMPRESSION)).isEqualTo(0.0);
		assertThat(FactCellsTest.value(sums, Indicator.ON_TIME_RATE)).isEqualTo(1.0);
		assertThat(FactCellsTest.value(sums, Indicator.OVERDUE_CASES)).isEqualTo(0.0);
		// A 1 (collection) + B 0 + C 2 (intake, collection) over 3; declared 0
		assertThat(FactCellsTest.value(sums, Indicator.VISITS_PER_CASE)).isEqualTo(1.0);
		assertThat(FactCellsTest.value(sums, Indicator.DECLARED_VISITS_PER_CASE)).isEqualTo(0.0);
		// A had two 补正 rounds
		assertThat(FactCellsTest.value(sums, Indicator.ONE_NOTICE_VIOLATIONS)).isEqualTo(1.0);
		// no register or wallet used by this item's form
		assertThat(FactCellsTest.value(sums, Indicator.FIELDS_PREFILLED)).isEqualTo(0.0);
		assertThat(FactCellsTest.value(sums, Indicator.LICENCES_USED)).isEqualTo(0.0);
	}

	/** The summed figures these cases were last counted as. */
	private Map<Measure, Long> counted(List<CaseId> cases) {
		return CountedFigures.of(jdbc, "CASE", cases.stream().map(CaseId::value).toList());
	}

	/** The department's daily counters of the item on a day. */
	private Map<Measure, Long> daily(LocalDate day) {
		Map<Measure, Long> sums = new EnumMap<>(Measure.class);
		jdbc.sql("select measure, sum(value) as total from insight_daily where day = ? and department_code = ? and item_code = ? group by 1")
			.params(day, DEPARTMENT, ITEM)
			.query(rs -> {
				sums.put(Measure.valueOf(rs.getString("measure")), rs.getLong("total"));
			});
		return sums;
	}

	private static Map<Measure, Long> minus(Map<Measure, Long> after, Map<Measure, Long> before) {
		Map<Measure, Long> difference = new EnumMap<>(Measure.class);
		after.forEach((measure, value) -> {
			long change = value - before.getOrDefault(measure, 0L);
			if (change != 0) {
				difference.put(measure, change);
			}
		});
		return difference;
	}

	@Test
	void aPlatformAdminRebuildsAPeriodFromTheConsoleAndSeesTheLastRun() {
		FormSession admin = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "指标管理员"));
		HttpResponse<String> page = admin.get("/console/insight");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("重建效能指标");

		LocalDate today = LocalDate.now(Clocks.ZONE);
		HttpResponse<String> reversed = admin.post("/console/insight/backfill", "from", today.toString(), "to", today.minusDays(1).toString());
		assertThat(reversed.statusCode()).isEqualTo(200);
		assertThat(reversed.body()).contains("错误：").contains("起始日期不能晚于截止日期").contains("data-testid=\"error-summary\"");
		HttpResponse<String> garbage = admin.post("/console/insight/backfill", "from", "2026-02-3\u0000", "to", "x".repeat(5000));
		assertThat(garbage.statusCode()).isIn(200, 400);
		assertThat(garbage.body()).doesNotContain("服务暂时出现问题");
		HttpResponse<String> future = admin.post("/console/insight/backfill", "from", today.toString(), "to", today.plusDays(1).toString());
		assertThat(future.body()).contains("截止日期不能晚于今天");

		HttpResponse<String> started = admin.post("/console/insight/backfill", "from", today.minusDays(1).toString(), "to", today.toString());
		assertThat(started.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.get("/console/insight").body())
			.contains("data-testid=\"backfill-status\">已完成<").contains("指标管理员"));
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'INSIGHT_BACKFILL'").query(Long.class).single()).isPositive();

		FormSession clerk = FormSession.staff(url(""), newStaff("XH-RLSB", Role.APPROVER, "指标办事员"));
		assertThat(clerk.get("/console/insight").statusCode()).isEqualTo(403);
	}
}
