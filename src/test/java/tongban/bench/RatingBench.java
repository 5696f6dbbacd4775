package tongban.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.feedback.VisitRatings;
import tongban.feedback.RatingInput;
import tongban.feedback.Clerk;
import tongban.feedback.RatingStatistics;
import tongban.support.IntegrationTest;

/**
 * The rating statistics over a million ratings (run by bench/ratings.sh, not by the test suite): the ratings are loaded
 * in one statement and the aggregate rebuilt from them; then wrk measures the statistics API and page beside a static
 * file and the liveness probe in the same run, and the service writes ratings with their aggregate update.
 */
class RatingBench extends IntegrationTest {

	static final int RATINGS = Integer.getInteger("bench.ratings", 1_000_000);
	static final int SECONDS = Integer.getInteger("bench.seconds", 15);
	static final int CLIENTS = Integer.getInteger("bench.clients", 16);

	@Autowired
	RatingStatistics statistics;

	@Autowired
	VisitRatings visitRatings;

	@Test
	void statistics() throws Exception {
		long t0 = System.nanoTime();
		// 200 departments (BENCH-000 … BENCH-199), each in one of 20 regions (330101 … 330120), over the last 12 months;
		// one in seven a default rating (满意); the others 40% 非常满意, 30% 满意, 10% 基本满意, 10% 不满意, 10% 非常不满意
		jdbc.sql("""
				insert into feedback_rating (id, channel, case_id, subject_label, department_code, region_code, level, scores, tags, active, round,
				  month, created_at)
				select gen_random_uuid(), 'ONLINE', gen_random_uuid(), '压测事项', 'BENCH-' || lpad((g % 200)::text, 3, '0'),
				  '3301' || lpad((g % 20 + 1)::text, 2, '0'), lv, '{"overall": 4}'::jsonb,
				  case when lv <= 2 then array[(array['OVERDUE', 'EXTRA_MATERIALS', 'ATTITUDE', 'MULTIPLE_VISITS'])[(g / 7) % 4 + 1]] else '{}' end,
				  (g / 2400) % 7 <> 0, 1, (date_trunc('month', now() at time zone 'Asia/Shanghai') - (((g / 200) % 12) || ' months')::interval)::date, now()
				from (select g, case when (g / 2400) % 7 = 0 then 4 else (array[5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[(g / 2400) % 10 + 1] end as lv
				  from generate_series(1, ?) g) x""")
			.param(RATINGS)
			.update();
		double load = (System.nanoTime() - t0) / 1e9;
		long t1 = System.nanoTime();
		statistics.rebuild();
		double rebuild = (System.nanoTime() - t1) / 1e9;
		long rows = jdbc.sql("select count(*) from feedback_monthly").query(Long.class).single();
		long total = jdbc.sql("select count(*) from feedback_rating").query(Long.class).single();
		System.out.printf("BENCH ratings=%d loaded in %.1fs; aggregate rebuilt in %.1fs: %d month × department × region rows%n", total, load, rebuild,
				rows);
		var s = statistics.stats(null, null, null);
		System.out.printf("BENCH this month, all departments: %d counted, good rate %.4f, active good rate %.4f, unrated rate %.4f, bad %d%n",
				s.total().ratings(), s.total().goodRate(), s.total().activeGoodRate(), s.total().unratedRate(), s.total().bad());

		Map<String, String> urls = new java.util.LinkedHashMap<>();
		urls.put("static file /css/tongban.css (baseline)", "/css/tongban.css");
		urls.put("GET /actuator/health/liveness (baseline)", "/actuator/health/liveness");
		urls.put("GET /api/ratings/stats (all 200 departments, 12 months)", "/api/ratings/stats");
		urls.put("GET /api/ratings/stats?region=330107&department=BENCH-006", "/api/ratings/stats?region=330107&department=BENCH-006");
		urls.put("GET /ratings (public page, all departments)", "/ratings");
		urls.put("GET /ratings?region=330107&department=BENCH-006", "/ratings?region=330107&department=BENCH-006");
		wrk(url("/css/tongban.css"), Math.max(3, SECONDS / 3)); // warm-up
		wrk(url("/api/ratings/stats"), Math.max(3, SECONDS / 3));
		wrk(url("/ratings"), Math.max(3, SECONDS / 3));
		for (var e : urls.entrySet()) {
			System.out.println("BENCH " + e.getKey() + ": " + wrk(url(e.getValue()), SECONDS) + " (wrk, " + CLIENTS + " connections, " + SECONDS + " s)");
		}

		// writes: a counter visit rated through the service, the aggregate updated in the same transaction
		var clerk = new Clerk(UUID.randomUUID(), "压测窗口", "BENCH-007", "330108");
		UUID window = jdbc.sql("select id from directory_window limit 1").query(UUID.class).single();
		int n = 500;
		long[] ns = new long[n];
		for (int i = 0; i < n; i++) {
			String token = visitRatings.openVisit(clerk, window).token();
			long s0 = System.nanoTime();
			visitRatings.rateVisit(token, new RatingInput(i % 10 == 0 ? "DISSATISFIED" : "SATISFIED", Map.of("overall", "4"),
					i % 10 == 0 ? List.of("ATTITUDE") : List.of(), null));
			ns[i] = System.nanoTime() - s0;
		}
		System.out.println("BENCH one counter rating with its aggregate update (and a rectification task for one in ten), sequential, " + n + ": "
				+ stats(ns));

		// the statistics when nothing is cached: a rating commits before each request, so each one is computed afresh
		long[] all = new long[200];
		long[] one = new long[200];
		for (int i = 0; i < all.length; i++) {
			visitRatings.rateVisit(visitRatings.openVisit(clerk, window).token(), new RatingInput("SATISFIED", Map.of(), List.of(), null));
			long s0 = System.nanoTime();
			statistics.stats(null, null, null);
			all[i] = System.nanoTime() - s0;
			visitRatings.rateVisit(visitRatings.openVisit(clerk, window).token(), new RatingInput("SATISFIED", Map.of(), List.of(), null));
			s0 = System.nanoTime();
			statistics.stats("330107", "BENCH-006", null);
			one[i] = System.nanoTime() - s0;
		}
		System.out.println("BENCH statistics computed afresh after a write (in the service, no HTTP), all 200 departments: " + stats(all));
		System.out.println("BENCH statistics computed afresh after a write (in the service, no HTTP), one region and department: " + stats(one));
	}

	private static final Pattern LINE = Pattern.compile("RATINGS p50=(\\d+) p95=(\\d+) p99=(\\d+) requests=(\\d+) seconds=([\\d.]+) errors=(\\d+) failed=(\\d+)");

	static String wrk(String url, int seconds) throws Exception {
		Process p = new ProcessBuilder("wrk", "-t2", "-c" + CLIENTS, "-d" + seconds + "s", "-s", "bench/ratings.lua", url).redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + out);
		}
		Matcher m = LINE.matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("no figures: " + out);
		}
		double secs = Double.parseDouble(m.group(5));
		// failed responses (status 400 or more) are not throughput; they are among the errors
		long answered = Long.parseLong(m.group(4)) - Long.parseLong(m.group(7));
		return String.format("%.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %s", answered / secs,
				Long.parseLong(m.group(1)) / 1e3, Long.parseLong(m.group(2)) / 1e3, Long.parseLong(m.group(3)) / 1e3, m.group(6));
	}

	static String stats(long[] ns) {
		List<Long> l = new ArrayList<>();
		for (long x : ns) {
			l.add(x);
		}
		Collections.sort(l);
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", l.get(l.size() / 2) / 1e6, l.get((int) (l.size() * 0.95)) / 1e6,
				l.get((int) (l.size() * 0.99)) / 1e6);
	}

}
