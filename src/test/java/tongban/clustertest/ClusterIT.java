package tongban.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.util.FileSystemUtils;

import tongban.support.FormSession;

/**
 * Issue 21's "done when" for the cluster, as an operator would see it (docs/cluster.md, ADR 0049): {@code bin/cluster
 * start 3} (PostgreSQL, three nodes, HAProxy), then through the balancer only: a citizen signs in and applies while
 * requests alternate nodes; in a burst of 40 concurrent submissions the node holding a scheduled job's lock is killed
 * with {@code kill -9}; every acknowledged submission is a case exactly once with its workflow process and task, an
 * answer lost in the kill is retried with the form's submit token and lands on the same case, the session survives, the
 * job is taken over once its lock lapses (not before), and the node rejoins when started again. Everything is stopped
 * at the end, also on failure.
 * <p>
 * Runs as a stage of its own after the Maven build ({@code bin/test}: {@code TONGBAN_CLUSTER_TEST=true}, on the packaged
 * jar); it needs the ports it picks free, about 3 GB and two cores for ~3 minutes.
 */
@EnabledIfEnvironmentVariable(named = "TONGBAN_CLUSTER_TEST", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

	static final int NODES = 3;
	static final int BURST = 40;
	/** 社会保障卡挂失与补领: a form and no required upload. */
	static final String ITEM = "330106-GG-0001-02";
	/** Demo citizen 王小明. */
	static final String WANG = "330106199001010018";

	private static final Pattern CASE_ID = Pattern.compile("/cases/([0-9a-f-]{36})");
	private static final Pattern LOCK_VERSION = Pattern.compile("name=\"lockVersion\" value=\"(\\d+)\"");
	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"");
	private static final Pattern ITEM_LINK = Pattern.compile("href=\"/items/([0-9A-Z-]+)\"");
	private static final Pattern NUMBER = Pattern.compile("data-testid=\"case-number\">([0-9]+)<");

	private final Path project = Path.of("").toAbsolutePath();
	private final Path dir = project.resolve("target").resolve("cluster-it");
	private final Map<String, String> environment = new HashMap<>();
	private final List<String> figures = new ArrayList<>();
	private int balancer;
	private int database;

	@BeforeAll
	void start() throws Exception {
		FileSystemUtils.deleteRecursively(dir);
		Path classes = dir.resolve("classes").resolve("tongban").resolve("clustertest");
		Files.createDirectories(classes);
		Path compiled = project.resolve("target").resolve("test-classes").resolve("tongban").resolve("clustertest");
		try (Stream<Path> files = Files.list(compiled)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("TakeoverJob")).toList()) {
				Files.copy(file, classes.resolve(file.getFileName()));
			}
		}
		balancer = freePort();
		database = freePort();
		int nodes = freeRun(NODES);
		environment.put("TONGBAN_CLUSTER_DIR", dir.toString());
		environment.put("TONGBAN_CLUSTER_PORT", Integer.toString(balancer));
		environment.put("TONGBAN_CLUSTER_NODE_PORT", Integer.toString(nodes));
		environment.put("TONGBAN_CLUSTER_DB_PORT", Integer.toString(database));
		environment.put("TONGBAN_CLUSTER_CLASSES", dir.resolve("classes").toString());
		environment.put("TONGBAN_CLUSTER_BUILD", "never");
		environment.put("TONGBAN_JAVA_OPTS", "-Dtongban.cluster-test.takeover=true -Xmx768m");
		long began = System.nanoTime();
		run(Duration.ofMinutes(10), "start", Integer.toString(NODES));
		figures.add("bin/cluster start " + NODES + ": " + seconds(began) + " s (PostgreSQL, node-1 with schema and demo data, then the others, HAProxy)");
	}

	@AfterAll
	void stop() throws Exception {
		try {
			long began = System.nanoTime();
			run(Duration.ofMinutes(3), "stop");
			figures.add("bin/cluster stop: " + seconds(began) + " s");
		}
		finally {
			Files.write(dir.resolve("figures.txt"), figures);
			figures.forEach(System.out::println);
		}
	}

	@Test
	void survivesTheKillOfANodeInABurstOfSubmissions() throws Exception {
		FormSession citizen = new FormSession("http://127.0.0.1:" + balancer);
		Set<String> served = new TreeSet<>();

		// a citizen signs in and applies, each request to whichever node the balancer picks
		citizen.get("/login");
		assertThat(citizen.signIn(WANG, System.getenv().getOrDefault("TONGBAN_DEMO_PASSWORD", "Tongban@2026"))).doesNotContain("error");
		long before;
		try (Connection db = database()) {
			before = count(db, "select count(*) from casework_case where item_code = ? and status <> 'DRAFT'", ITEM);
		}
		String[] first = draft(citizen, new Person("王小明", WANG, "13800000001"), served);
		HttpResponse<String> submitted = submit(citizen, first);
		assertThat(submitted.statusCode()).isEqualTo(302);
		HttpResponse<String> confirmation = citizen.get(location(submitted));
		served.add(node(confirmation));
		assertThat(NUMBER.matcher(confirmation.body()).find()).as("the confirmation shows the case number").isTrue();
		assertThat(served).as("the application's requests alternate nodes").hasSizeGreaterThan(1);

		// three citizens apply again and again at once; the node holding the scheduled job's lock is killed in the middle
		Set<String> burstServed = new ConcurrentSkipListSet<>();
		List<Person> people = List.of(new Person("王小明", WANG, "13800000001"), new Person("李娜", "330106199208080021", "13800000003"),
				new Person("赵阿婆", "330106194203150024", "13800000020"));
		Map<String, FormSession> sessions = new ConcurrentHashMap<>();
		for (Person person : people) {
			FormSession session = person.id().equals(WANG) ? citizen : new FormSession("http://127.0.0.1:" + balancer);
			if (session != citizen) {
				session.get("/login");
				assertThat(session.signIn(person.id(), System.getenv().getOrDefault("TONGBAN_DEMO_PASSWORD", "Tongban@2026"))).doesNotContain("error");
			}
			sessions.put(person.id(), session);
		}
		Lock held = Awaitility.await("a node in the first seconds of the job's pass").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(this::lock, lock -> lock != null && lock.secondsLeft() > TakeoverJob.LOCK_SECONDS - 8);
		String victim = held.node();
		long victimPid = Long.parseLong(Files.readString(dir.resolve(victim + ".pid")).strip());

		Map<String, Integer> answers = new ConcurrentHashMap<>();
		Map<String, FormSession> owners = new ConcurrentHashMap<>();
		AtomicInteger acknowledgedSoFar = new AtomicInteger();
		AtomicInteger retried = new AtomicInteger();
		CountDownLatch killed = new CountDownLatch(1);
		long burstStart = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(people.size());
		List<Future<?>> futures = new ArrayList<>();
		for (Person person : people) {
			FormSession session = sessions.get(person.id());
			futures.add(clients.submit(() -> {
				for (int round = 0; round < BURST / people.size() + 1; round++) {
					AtomicReference<String[]> made = new AtomicReference<>();
					Awaitility.await("a draft").atMost(Duration.ofSeconds(60)).ignoreExceptions()
						.untilAsserted(() -> made.set(draft(session, person, burstServed)));
					String[] draft = made.get();
					owners.put(draft[0], session);
					int status = submitted(session, draft);
					answers.put(draft[0], status);
					if (status != 302) {
						// the answer was lost with the node: the same token again lands on the same case, or makes it
						retried.incrementAndGet();
						Awaitility.await("a retried submission").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
							.until(() -> submitted(session, draft) == 302);
					}
					if (status == 302 && acknowledgedSoFar.incrementAndGet() == 10) {
						ProcessHandle.of(victimPid).ifPresent(ProcessHandle::destroyForcibly);
						killed.countDown();
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get(300, TimeUnit.SECONDS);
		}
		clients.shutdown();
		assertThat(killed.await(1, TimeUnit.SECONDS)).isTrue();
		int total = answers.size();
		long acknowledged = answers.values().stream().filter(status -> status == 302).count();
		figures.add("burst of " + total + " applications (draft, form, submission) by " + people.size() + " citizens at once, " + victim
				+ " killed (kill -9) after the 10th acknowledged submission: " + acknowledged + " acknowledged at once, " + retried.get()
				+ " answered otherwise " + new TreeSet<>(answers.values()) + " and acknowledged when sent again with their token, in "
				+ seconds(burstStart) + " s");
		assertThat(burstServed).as("the burst was served by every node").hasSize(NODES);
		assertThat(acknowledged).as("only requests the dead node had taken fail: %s", answers).isGreaterThanOrEqualTo(total - 6);

		// every case is there, on a surviving node, in a session that survived
		Map<String, String> numbers = new HashMap<>();
		for (Map.Entry<String, FormSession> owned : owners.entrySet()) {
			// the case page with its confirmation panel, which shows the number
			HttpResponse<String> page = owned.getValue().get("/cases/" + owned.getKey() + "?submitted");
			assertThat(page.statusCode()).as("the session survives: no sign-in again").isEqualTo(200);
			assertThat(node(page)).isNotEqualTo(victim);
			Matcher number = NUMBER.matcher(page.body());
			assertThat(number.find()).as("case %s has its number", owned.getKey()).isTrue();
			numbers.put(owned.getKey(), number.group(1));
		}
		List<String[]> drafts = owners.keySet().stream().map(id -> new String[] { id }).toList();

		try (Connection db = database()) {
			List<String> ids = new ArrayList<>(drafts.stream().map(draft -> draft[0]).toList());
			ids.add(first[0]);
			for (String id : ids) {
				assertThat(count(db, "select count(*) from casework_case where id = ?::uuid and status <> 'DRAFT' and case_number is not null", id))
					.as("case %s submitted", id).isEqualTo(1);
				assertThat(count(db, "select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null", id))
					.as("case %s has one workflow process", id).isEqualTo(1);
				assertThat(count(db, "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
						+ " where e.business_key_ = ? and e.parent_id_ is null", id))
					.as("case %s has its task", id).isGreaterThanOrEqualTo(1);
			}
			assertThat(count(db, "select count(*) from casework_case where item_code = ? and status <> 'DRAFT'", ITEM))
				.as("nothing submitted twice").isEqualTo(before + ids.size());
			assertThat(new TreeSet<>(numbers.values())).hasSize(drafts.size());
		}

		// the job the dead node held is taken over by another node once its lock lapsed, not before
		Lock taken = Awaitility.await("another node takes the job over").atMost(Duration.ofSeconds(TakeoverJob.LOCK_SECONDS + 30))
			.pollInterval(Duration.ofMillis(500))
			.until(this::lock, lock -> lock != null && !lock.node().equals(victim));
		assertThat(taken.lockedAt()).as("not before the dead node's lock lapsed").isAfterOrEqualTo(held.lockUntil().minusMillis(500));
		figures.add("job lock of " + victim + " (until " + held.lockUntil() + ") taken over by " + taken.node() + " at " + taken.lockedAt());

		// the node rejoins: the balancer's check finds it ready and sends it requests again
		long restart = System.nanoTime();
		run(Duration.ofMinutes(5), "start-node", victim.substring("node-".length()));
		Awaitility.await(victim + " serves again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> node(citizen.get("/account/cases")).equals(victim));
		figures.add(victim + " restarted and serving again through the balancer after " + seconds(restart) + " s");
	}

	/**
	 * Search through the balancer answers the same hits, in the same order, whichever node takes it: the nodes share
	 * bin/cluster's OpenSearch index (or, with {@code TONGBAN_CLUSTER_SEARCH=lucene}, each rebuilt its own from the
	 * database before it became ready; docs/cluster.md, "Search").
	 */
	@Test
	void aSearchAnswersTheSameHitsFromEveryNode() {
		FormSession visitor = new FormSession("http://127.0.0.1:" + balancer);
		String query = "/search?q=" + URLEncoder.encode("社会保障卡", StandardCharsets.UTF_8);
		Map<String, List<String>> hitsByNode = new ConcurrentHashMap<>();
		long began = System.nanoTime();
		Awaitility.await("the search answered by two nodes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			HttpResponse<String> page = visitor.get(query);
			assertThat(page.statusCode()).isEqualTo(200);
			hitsByNode.put(node(page), ITEM_LINK.matcher(page.body()).results().map(link -> link.group(1)).toList());
			return hitsByNode.size() >= 2;
		});
		List<String> hits = hitsByNode.values().iterator().next();
		assertThat(hits).as("hits of %s", hitsByNode.keySet()).contains(ITEM);
		assertThat(hitsByNode.values()).as("the same hits from %s", hitsByNode.keySet()).allMatch(hits::equals);
		figures.add("search through the balancer: the same " + hits.size() + " hits from " + new TreeSet<>(hitsByNode.keySet()) + " in "
				+ seconds(began) + " s");
	}

	/** A filled-in draft of {@link #ITEM}: {id, submit token}; the node of each answer is added to {@code served}. */
	private String[] draft(FormSession citizen, Person person, Set<String> served) {
		HttpResponse<String> start = citizen.postFrom("/apply/" + ITEM, "/apply/" + ITEM);
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		served.add(node(start));
		Matcher id = CASE_ID.matcher(location(start));
		assertThat(id.find()).isTrue();
		String caseId = id.group(1);
		HttpResponse<String> edit = citizen.get("/cases/" + caseId + "/edit");
		served.add(node(edit));
		Matcher lockVersion = LOCK_VERSION.matcher(edit.body());
		assertThat(lockVersion.find()).as(edit.body()).isTrue();
		HttpResponse<String> saved = citizen.postMultipart("/cases/" + caseId + "/edit", "/cases/" + caseId + "/edit",
				List.of(Map.entry("lockVersion", lockVersion.group(1)), Map.entry("action", "continue"), Map.entry("v.name", person.name()),
						Map.entry("v.idNumber", person.id()), Map.entry("v.phone", person.phone()), Map.entry("v.reason", "信息变更"),
						Map.entry("v.delivery", "窗口领取")),
				List.of());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		served.add(node(saved));
		HttpResponse<String> review = citizen.get("/cases/" + caseId + "/review");
		served.add(node(review));
		Matcher token = TOKEN.matcher(review.body());
		assertThat(token.find()).as(review.body()).isTrue();
		return new String[] { caseId, token.group(1) };
	}

	/** A demo citizen: name, ID number, mobile (the form's locked fields). */
	record Person(String name, String id, String phone) {
	}

	/** 302 when the submission was acknowledged (sent to its confirmation), else the status (-1: no answer at all). */
	private static int submitted(FormSession citizen, String[] draft) {
		try {
			HttpResponse<String> answer = submit(citizen, draft);
			return answer.statusCode() == 302 && location(answer).endsWith("?submitted") ? 302 : answer.statusCode();
		}
		catch (RuntimeException e) {
			return -1;
		}
	}

	private static HttpResponse<String> submit(FormSession citizen, String[] draft) {
		return citizen.post("/cases/" + draft[0] + "/submit", "token", draft[1]);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String node(HttpResponse<String> response) {
		return response.headers().firstValue("X-Tongban-Node").orElse("(none)");
	}

	/** The scheduled job's lock: which node, when taken, until when, seconds left by the database's clock. */
	record Lock(String node, Instant lockedAt, Instant lockUntil, double secondsLeft) {
	}

	private Lock lock() throws SQLException, IOException {
		try (Connection db = database(); PreparedStatement query = db.prepareStatement(
				"select locked_by, locked_at, lock_until, extract(epoch from lock_until - timezone('utc', now())) from shedlock where name = ?")) {
			query.setString(1, TakeoverJob.NAME);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					return null;
				}
				String by = row.getString(1);
				return new Lock(by.substring(by.lastIndexOf('/') + 1), utc(row, 2), utc(row, 3), row.getDouble(4));
			}
		}
	}

	/** ShedLock on the database's clock writes UTC into columns without a time zone. */
	private static Instant utc(ResultSet row, int column) throws SQLException {
		return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	private Connection database() throws SQLException, IOException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + database + "/tongban", "tongban",
				Files.readString(dir.resolve("db.password")).strip());
	}

	private static long count(Connection db, String sql, String parameter) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** Runs bin/cluster with the test's ports and folder; its output goes to a log in the cluster folder. */
	private void run(Duration wait, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(project.resolve("bin").resolve("cluster").toString()));
		command.addAll(List.of(arguments));
		Path log = dir.resolve("bin-cluster-" + arguments[0] + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")) + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(wait.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("bin/cluster " + String.join(" ", arguments) + " did not finish in " + wait + ":\n" + Files.readString(log));
		}
		assertThat(process.exitValue()).as("bin/cluster %s:%n%s", String.join(" ", arguments), Files.readString(log)).isZero();
	}

	private static long seconds(long nanoStart) {
		return Math.round((System.nanoTime() - nanoStart) / 1e9);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The first of {@code count} consecutive free ports. */
	private static int freeRun(int count) throws IOException {
		for (int base = 21000; base < 60000; base += count + 7) {
			boolean free = true;
			for (int port = base; port < base + count && free; port++) {
				try (ServerSocket socket = new ServerSocket(port)) {
					socket.setReuseAddress(true);
				}
				catch (IOException e) {
					free = false;
				}
			}
			if (free) {
				return base;
			}
		}
		throw new IOException("no " + count + " consecutive free ports");
	}
}
