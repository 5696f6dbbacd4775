package tongban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's floor under a complaint lifecycle: pgbench (Debian's, a separate program) runs only the ticket's own
 * statements, as the platform sends them, with no HTTP, no sign-in, no SMS, no indicators and no event registry, in
 * five transactions per lifecycle (create: the ticket, its first history line, the submission record; dispatch, answer
 * and close: the read of the ticket, then the guarded move with its history line; search: the read by number), over the
 * same connections count and the same stored tickets. What PostgreSQL spends per such lifecycle is the least any
 * implementation on this schema spends, so the lifecycles per second the two cores allow is at most the cores' time
 * over the sum of this and the HTTP floor (LifecycleBench prints both).
 */
final class DatabaseFloor {

	/** What one pgbench run measured. */
	record Figures(double lifecyclesPerSecond, long lifecycles, double postgresMs, double pgbenchMs, double idle) {
	}

	private DatabaseFloor() {
	}

	static Figures run(JdbcClient jdbc, int clients, int seconds, String phoneCiphertext, String phoneIndex, String nameCiphertext)
			throws IOException, InterruptedException {
		int port = jdbc.sql("select inet_server_port()").query(Integer.class).single();
		String create = """
				\\set g random(1, 2000000000)
				BEGIN;
				insert into hotline_ticket (id, number, token, type, category_code, urgency, channel, region_code, description, contact_name, phone, phone_index, api_client, status, dispatch_due) values (gen_random_uuid(), 'FL' || nextval('hotline_ticket_seq'), md5(random()::text), 'COMPLAINT', 'CS0101', 'GENERAL', 'OPEN311', '330106', '小区门口的路灯坏了已经三天，晚上走路不安全，请尽快修理。', '%s', '%s', '%s', 'bench-floor', 'NEW', now() + interval '1 day') returning id, number \\gset
				insert into hotline_ticket_event (ticket_id, action, actor, department, note, visible) values (:id, 'SUBMITTED', 'bench-floor', null, '通过 Open311 接口受理', true);
				insert into hotline_submission (api_client, idempotency_key, fingerprint, ticket_id) values ('bench-floor', null, md5(:g::text), :id);
				COMMIT;
				""".formatted(nameCiphertext, phoneCiphertext, phoneIndex);
		String read = "select id, number, token, type, category_code, urgency, complex, channel, region_code, address, lat, lon, description,"
				+ " account_id, contact_name, phone, publish_consent, api_client, status, lead_department, assisting, dispatch_due, dispatched_at,"
				+ " answer_due, replied_at, reply, supervised_at, closed_at, satisfaction, reopened, merged_into, created_at, updated_at"
				+ " from hotline_ticket where %s;\n";
		String steps = String.join("", List.of(
				"BEGIN;\n", read.formatted("id = :id"),
				"with moved as (update hotline_ticket set status = 'DISPATCHED', lead_department = 'XH-ZJ', assisting = '{}', dispatched_at = now(),"
						+ " answer_due = now() + interval '5 days', updated_at = now() where id = :id and status = 'NEW' returning id)"
						+ " insert into hotline_ticket_event (ticket_id, action, actor, department, note, visible)"
						+ " select id, 'DISPATCHED', '话务员', 'XH-ZJ', '承办：住房和城乡建设局', true from moved;\n",
				"COMMIT;\n",
				"BEGIN;\n", read.formatted("id = :id"),
				"with moved as (update hotline_ticket set status = 'REPLIED', reply = '已安排工作人员现场处理完毕。', replied_at = now(), updated_at = now()"
						+ " where id = :id and status = 'DISPATCHED' returning id) insert into hotline_ticket_event (ticket_id, action, actor, department, note, visible)"
						+ " select id, 'REPLIED', '承办人', 'XH-ZJ', '已安排工作人员现场处理完毕。', true from moved;\n",
				"COMMIT;\n",
				"BEGIN;\n", read.formatted("id = :id"),
				"with moved as (update hotline_ticket set status = 'CLOSED', closed_at = now(), updated_at = now() where id = :id and status = 'REPLIED'"
						+ " returning id) insert into hotline_ticket_event (ticket_id, action, actor, department, note, visible)"
						+ " select id, 'CLOSED', '话务员', null, '已办结', true from moved;\n",
				"COMMIT;\n",
				read.formatted("number = :number")));
		Path script = Files.createTempFile("lifecycle-floor", ".sql");
		Files.writeString(script, create + steps);
		long closedBefore = closed(jdbc);
		CpuTime before = CpuTime.now();
		Process pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T",
				String.valueOf(seconds), "-f", script.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "postgres")
			.redirectErrorStream(true)
			.start();
		String output = new String(pgbench.getInputStream().readAllBytes());
		if (!pgbench.waitFor(seconds + 60L, TimeUnit.SECONDS) || pgbench.exitValue() != 0) {
			throw new IllegalStateException("pgbench failed: " + output);
		}
		CpuTime cpu = CpuTime.now().minus(before);
		long lifecycles = closed(jdbc) - closedBefore;
		Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
		if (!tps.find() || lifecycles == 0) {
			throw new IllegalStateException("no lifecycles: " + output);
		}
		double ms = 1000.0 / 100 / lifecycles;
		return new Figures(Double.parseDouble(tps.group(1)), lifecycles, cpu.postgres() * ms, cpu.children() * ms,
				(double) cpu.idle() / Math.max(1, cpu.total()));
	}

	private static long closed(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from hotline_ticket where api_client = 'bench-floor' and status = 'CLOSED'").query(Long.class).single();
	}
}
