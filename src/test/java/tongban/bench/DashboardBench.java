package tongban.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.insight.IndicatorFilter;
import tongban.insight.Indicators;
import tongban.shared.Clocks;
import tongban.support.IntegrationTest;

/**
 * The indicators API for a district over a year (run by bench/dashboards.sh, not by the test suite): insight_daily is
 * filled in one statement at the volume 1,000,000 cases a year would produce (13 departments × 70 items × 365 days ×
 * 14 case measures, half the items counted in 11 townships, plus the townships' 12345 counters); the query is timed in
 * the service (uncached), then wrk measures the API (whose rows are kept a minute, ADR 0024) and the public page beside
 * the liveness probe in the same run.
 */
class DashboardBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 15);

	@Autowired
	Indicators indicators;

	@Test
	void indicatorsOverAYear() throws Exception {
		long t0 = System.nanoTime();
		jdbc.sql("""
				insert into insight_daily (day, department_code, region_code, item_code, measure, value)
				select current_date - d, 'BENCH-' || lpad(dep::text, 2, '0'),
				  case when it % 2 = 0 then '330106' else '330106' || lpad((it % 11 + 1)::text, 3, '0') end,
				  'BENCH-' || lpad(dep::text, 2, '0') || '-' || lpad(it::text, 2, '0'), m, 1 + (d + dep + it) % 5
				from generate_series(0, 364) d, generate_series(0, 12) dep, generate_series(0, 69) it,
				  unnest(array['CASES_SUBMITTED', 'CASES_ONLINE', 'CASES_CONCLUDED', 'CASES_FULLY_ONLINE', 'CASES_IMMEDIATE', 'CASES_ON_TIME',
				    'CASES_OVERDUE', 'PROMISED_DAYS', 'STATUTORY_DAYS', 'VISITS', 'VISITS_DECLARED', 'SUPPLEMENT_REPEATED', 'RATINGS',
				    'RATINGS_GOOD']) m
				on conflict do nothing""").update();
		jdbc.sql("""
				insert into insight_daily (day, department_code, region_code, item_code, measure, value)
				select current_date - d, '', '330106' || lpad(t::text, 3, '0'), '', m, 2 + (d + t) % 7
				from generate_series(0, 364) d, generate_series(1, 11) t,
				  unnest(array['TICKETS_CLOSED', 'TICKETS_ON_TIME', 'TICKETS_RATED', 'TICKETS_SATISFIED']) m
				on conflict do nothing""").update();
		jdbc.sql("analyze insight_daily").update();
		long rows = jdbc.sql("select count(*) from insight_daily").query(Long.class).single();
		System.out.printf("BENCH insight_daily: %d rows loaded in %.1fs%n", rows, (System.nanoTime() - t0) / 1e9);

		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate yearAgo = today.minusDays(364);
		for (IndicatorFilter.Grouping by : new IndicatorFilter.Grouping[] { IndicatorFilter.Grouping.TOTAL, IndicatorFilter.Grouping.MONTH }) {
			IndicatorFilter filter = new IndicatorFilter(null, "330106", null, null, yearAgo, today, by);
			indicators.values(filter);
			long[] ns = new long[3];
			for (int i = 0; i < ns.length; i++) {
				long s0 = System.nanoTime();
				indicators.values(filter);
				ns[i] = System.nanoTime() - s0;
			}
			System.out.println("BENCH Indicators.values(region 330106, a year, by " + by + "), all 16 indicators, in the service, uncached: "
					+ RatingBench.stats(ns));
		}
		String year = "from=" + yearAgo + "&to=" + today;
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("GET /actuator/health/liveness (baseline)", "/actuator/health/liveness");
		urls.put("GET /api/indicators?region=330106&" + year + "&by=month", "/api/indicators?region=330106&" + year + "&by=month");
		urls.put("GET /api/indicators?region=330106&" + year + "&by=department", "/api/indicators?region=330106&" + year + "&by=department");
		urls.put("GET /performance (a month by department, twelve months)", "/performance");
		for (String path : urls.values()) {
			RatingBench.wrk(url(path), Math.max(3, SECONDS / 3)); // warm-up
		}
		for (var e : urls.entrySet()) {
			System.out.println("BENCH " + e.getKey() + ": " + RatingBench.wrk(url(e.getValue()), SECONDS) + " (wrk, " + RatingBench.CLIENTS
					+ " connections, " + SECONDS + " s)");
		}
	}
}
