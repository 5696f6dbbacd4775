package tongban.bench;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.Open311Clients;
import tongban.support.IntegrationTest;

/**
 * Ticket intake through Open311: wrk (a separate program) posts tickets over the given connections, each with its own
 * phone, service and district, through a client that confirms phones itself; the baseline in the same run is the
 * service list of the same interface (same filter chain, no writes). Counts the tickets stored against the answers.
 * Run by bench/tickets.sh, not by the test suite; prints figures only.
 */
class TicketBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 20);
	static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	@Autowired
	Open311Clients clients;

	@Test
	void intake() throws Exception {
		String key = clients.register("bench-" + System.nanoTime(), true);
		Map<String, String> env = Map.of("TICKETS_KEY", key);
		Path script = Path.of("bench/tickets.lua");
		// warm-up of both
		Wrk.run(url("/open311/v2/services.json"), CLIENTS, Math.max(4, SECONDS / 4), null, Map.of());
		Wrk.run(url("/"), CLIENTS, Math.max(4, SECONDS / 4), script, env);
		long before = jdbc.sql("select count(*) from hotline_ticket").query(Long.class).single();
		CaseBench.Figures post = Wrk.run(url("/"), CLIENTS, SECONDS, script, env);
		long stored = jdbc.sql("select count(*) from hotline_ticket").query(Long.class).single() - before;
		CaseBench.Figures list = Wrk.run(url("/open311/v2/services.json"), CLIENTS, SECONDS, null, Map.of());
		System.out.println("BENCH " + post.line("POST /open311/v2/requests.json (wrk, " + CLIENTS + " connections)"));
		System.out.printf("BENCH tickets stored during the run: %d (answers: %d)%n", stored, post.done());
		System.out.println("BENCH " + list.line("baseline GET /open311/v2/services.json (wrk, " + CLIENTS + " connections)"));
		System.out.printf("BENCH intake at %.1f%% of the baseline's rate%n", 100 * (post.done() / post.seconds()) / (list.done() / list.seconds()));
	}
}
