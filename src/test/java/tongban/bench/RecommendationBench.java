package tongban.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import tongban.notification.NotificationManagement;
import tongban.proactive.lifeevents.Recommendations;
import tongban.support.IntegrationTest;

/**
 * 为您推荐 for a signed-in person with {@code bench.recommendations} recommendations stored for {@code bench.people}
 * people (run by {@code bench/recommendations.sh}, not by the suite): the open recommendations of random people, as
 * the page asks for them (query, then the item or bundle of each card from the catalogue), timed in a loop; the same-run
 * baseline is the page of 我的消息 (20 messages of a person among as many messages).
 */
class RecommendationBench extends IntegrationTest {

	@Autowired
	Recommendations recommendations;

	@Autowired
	NotificationManagement notifications;

	@Test
	void openRecommendationsOfOnePersonAmongMany() {
		int people = Integer.getInteger("bench.people", 20_000);
		int rows = Integer.getInteger("bench.recommendations", 100_000);
		long start = System.nanoTime();
		jdbc.sql("create temporary table bench_people as select gen_random_uuid() as id, n from generate_series(0, ? - 1) n").param(people).update();
		jdbc.sql("""
				insert into proactive_recommendation (id, party_kind, party_id, rule_code, rule_version, occasion, target_kind, target_code, reason, status)
				select gen_random_uuid(), 'PERSON', p.id, case when (g / ?) % 2 = 0 then 'LE-AGE-80' else 'LE-BIRTH' end, 1, 'bench-' || g,
				  case when (g / ?) % 2 = 0 then 'ITEM' else 'BUNDLE' end, case when (g / ?) % 2 = 0 then '330106-GF-0004-01' else 'XH-YJS-NEWBORN' end,
				  '因为您已年满80周岁，可以申领高龄津贴', case when (g / ?) % 5 = 4 then 'DISMISSED' else 'NEW' end
				from generate_series(0, ? - 1) g join bench_people p on p.n = g % ?""")
			.params(people, people, people, people, rows, people)
			.update();
		jdbc.sql("""
				insert into notification_message (account_id, event, subject, body, link)
				select p.id, 'PROACTIVE_RECOMMENDED', '为您推荐：高龄津贴申领', '因为您已年满80周岁，可以申领高龄津贴。', '/account/recommendations'
				from generate_series(0, ? - 1) g join bench_people p on p.n = g % ?""")
			.params(rows, people)
			.update();
		jdbc.sql("analyze proactive_recommendation").update();
		jdbc.sql("analyze notification_message").update();
		List<UUID> ids = jdbc.sql("select id from bench_people").query(UUID.class).list();
		System.out.printf("BENCH generated %,d recommendations (%,d stored in all) and %,d messages for %,d people in %.1f s%n", rows,
				jdbc.sql("select count(*) from proactive_recommendation").query(Long.class).single(), rows, people, (System.nanoTime() - start) / 1e9);
		System.out.printf("BENCH first person: %d stored, %d open%n",
				jdbc.sql("select count(*) from proactive_recommendation where party_id = ?").param(ids.getFirst()).query(Long.class).single(),
				recommendations.open(ids.getFirst()).size());

		int rounds = Integer.getInteger("bench.rounds", 5_000);
		time("warm-up", ids, rounds / 5, id -> recommendations.open(id));
		time("baseline 我的消息 (page of 20)", ids, rounds, id -> notifications.messages(id, PageRequest.of(0, 20)));
		time("为您推荐 (open recommendations with their items)", ids, rounds, id -> recommendations.open(id));
		System.out.printf("BENCH cards for one person: %d%n", recommendations.open(ids.getFirst()).size());
	}

	private static void time(String what, List<UUID> ids, int rounds, Consumer<UUID> call) {
		long[] nanos = new long[rounds];
		List<UUID> order = new ArrayList<>(rounds);
		for (int n = 0; n < rounds; n++) {
			order.add(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
		}
		for (int n = 0; n < rounds; n++) {
			long t0 = System.nanoTime();
			call.accept(order.get(n));
			nanos[n] = System.nanoTime() - t0;
		}
		Arrays.sort(nanos);
		System.out.printf("BENCH %s: %,d calls, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", what, rounds, nanos[rounds / 2] / 1e6,
				nanos[(int) (rounds * 0.95)] / 1e6, nanos[(int) (rounds * 0.99)] / 1e6);
	}
}
