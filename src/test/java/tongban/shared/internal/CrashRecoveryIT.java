package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;


import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.shared.Hashes;
import tongban.support.AppProcess;
import tongban.support.OidcFlow;

/**
 * Durability as an operating system tests it (issue 16, points 16 and 17): the application runs as a separate process
 * on a data directory of its own, with demo data.
 * <ol>
 * <li>The application's JVM alone is killed (kill -9): the embedded PostgreSQL outlives it, and the next start stops
 * that server and comes up by itself, with what was written before.</li>
 * <li>During a burst of case submissions (API), exchange reads of personal data and Open311 tickets, the JVM and every
 * PostgreSQL process are killed together (as a container, OOM or power loss would); after a restart every
 * acknowledged submission is submitted under the number it was answered with, every answered read has its read
 * record and every acknowledged ticket is found. With {@code synchronous_commit=off} the last ~100 ms of them were
 * lost.</li>
 * </ol>
 * Three starts of the application (one on an empty directory) and a few seconds of load: about a minute and a half.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

	static final Path DATA = Path.of("target", "crash-data", UUID.randomUUID().toString()).toAbsolutePath();
	static final String ITEM = "330106-GG-0001-02"; // 社会保障卡挂失与补领, no required upload
	static final String WANG = "330106199001010018"; // demo citizen 王小明
	static final String DEMO_PASSWORD = "Tongban@2026";
	static final Duration FRESH_START = Duration.ofSeconds(150);
	static final Duration RESTART = Duration.ofSeconds(120);

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
	final JsonMapper json = JsonMapper.builder().build();

	AppProcess app;
	String citizenToken;

	/** A submission answered with its case number. */
	record Submitted(String id, String caseNumber) {
	}

	@Test
	@Order(1)
	void theApplicationStartsAgainAfterItsJvmAloneWasKilled() throws Exception {
		app = AppProcess.start(DATA, "first", FRESH_START);
		citizenToken = citizenToken();
		Submitted before = submit(draft());
		assertThat(before.caseNumber()).isNotBlank();

		ProcessHandle server = AppProcess.postmaster(DATA).orElseThrow();
		app.handle().destroyForcibly();
		app.handle().onExit().join();
		assertThat(server.isAlive()).as("pg_ctl detaches the server: it outlives the killed JVM").isTrue();

		app = AppProcess.start(DATA, "after-jvm-kill", RESTART);
		assertThat(server.isAlive()).as("the server left by the killed JVM was stopped").isFalse();
		JsonNode kept = json.readTree(get("/api/cases/" + before.id(), citizenToken).body());
		assertThat(kept.path("caseNumber").asString()).isEqualTo(before.caseNumber());
		assertThat(kept.path("status").asString()).isNotEqualTo("DRAFT");
	}

	@Test
	@Order(2)
	void everyAcknowledgedWriteSurvivesTheApplicationAndItsDatabaseKilledTogether() throws Exception {
		if (app == null || !app.alive()) {
			app = AppProcess.start(DATA, "burst", Files.exists(DATA) ? RESTART : FRESH_START);
			citizenToken = citizenToken();
		}
		String exchangeToken = exchangeToken();
		String ticketsKey = ticketsClient();

		Queue acknowledged = new Queue();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger serial = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int client = 0; client < 4; client++) {
				clients.submit(() -> loop(stop, failure, () -> acknowledged.submissions.add(submit(draft()))));
			}
			for (int client = 0; client < 6; client++) {
				clients.submit(() -> loop(stop, failure, () -> {
					String issue = "CRASH-" + serial.incrementAndGet();
					if (read(exchangeToken, issue)) {
						acknowledged.reads.add(issue);
					}
				}));
			}
			for (int client = 0; client < 6; client++) {
				clients.submit(() -> loop(stop, failure, () -> {
					String number = ticket(ticketsKey, serial.incrementAndGet());
					if (number != null) {
						acknowledged.tickets.add(number);
					}
				}));
			}
			try {
				Awaitility.await("a burst of every kind of write").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
					.until(() -> acknowledged.submissions.size() >= 20 && acknowledged.reads.size() >= 100 && acknowledged.tickets.size() >= 50);
			}
			catch (ConditionTimeoutException e) {
				stop.set(true);
				throw new AssertionError("the burst did not get going; last failure: " + failure.get() + "\n" + app.logTail(), e);
			}
			// mid-burst: every client has a write on its way
			killApplicationAndDatabase();
			stop.set(true);
		}
		List<Submitted> submissions = List.copyOf(acknowledged.submissions);
		Set<String> reads = Set.copyOf(acknowledged.reads);
		List<String> tickets = List.copyOf(acknowledged.tickets);

		app = AppProcess.start(DATA, "after-crash", RESTART);
		List<String> lostSubmissions = new ArrayList<>();
		for (Submitted submitted : submissions) {
			HttpResponse<String> found = get("/api/cases/" + submitted.id(), citizenToken);
			JsonNode node = found.statusCode() == 200 ? json.readTree(found.body()) : null;
			if (node == null || "DRAFT".equals(node.path("status").asString())
					|| !submitted.caseNumber().equals(node.path("caseNumber").asString(null))) {
				lostSubmissions.add(submitted.caseNumber() + (node == null ? " " + found.statusCode() : " now " + node.path("status").asString()));
			}
		}
		Set<String> recorded = new HashSet<>();
		try (Connection db = database(); var query = db.prepareStatement(
				"select case_number from exchange_access where client_id = 'yb-system-demo' and case_number like 'CRASH-%'")) {
			var rows = query.executeQuery();
			while (rows.next()) {
				recorded.add(rows.getString(1));
			}
		}
		List<String> unrecordedReads = reads.stream().filter(issue -> !recorded.contains(issue)).sorted().toList();
		List<String> lostTickets = new ArrayList<>();
		for (String number : tickets) {
			if (get("/open311/v2/requests/" + number + ".json", null).statusCode() != 200) {
				lostTickets.add(number);
			}
		}
		String setting;
		try (Connection db = database(); var show = db.createStatement().executeQuery("show synchronous_commit")) {
			show.next();
			setting = show.getString(1);
		}
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(lostSubmissions).as("acknowledged submissions lost, of %d", submissions.size()).isEmpty();
			softly.assertThat(unrecordedReads).as("answered reads without their record, of %d", reads.size()).isEmpty();
			softly.assertThat(lostTickets).as("acknowledged tickets lost, of %d", tickets.size()).isEmpty();
			softly.assertThat(setting).as("synchronous_commit").isEqualTo("on");
		});
	}

	@AfterAll
	void cleanUp() throws Exception {
		if (app != null && app.alive()) {
			app.stop();
		}
		LeftoverPostmaster.stop(DATA.resolve("postgres"), Duration.ofMinutes(1));
		FileSystemUtils.deleteRecursively(DATA);
	}

	/** What the burst's clients were answered, in the order of the answers. */
	static final class Queue {
		final ConcurrentLinkedQueue<Submitted> submissions = new ConcurrentLinkedQueue<>();
		final ConcurrentLinkedQueue<String> reads = new ConcurrentLinkedQueue<>();
		final ConcurrentLinkedQueue<String> tickets = new ConcurrentLinkedQueue<>();
	}

	interface Write {
		void run() throws Exception;
	}

	/**
	 * Repeats the write until told to stop; a failed call (refused, or cut by the kill) is not acknowledged, and kept
	 * as the last failure to explain a burst that does not get going.
	 */
	static void loop(AtomicBoolean stop, AtomicReference<Throwable> failure, Write write) {
		while (!stop.get()) {
			try {
				write.run();
			}
			catch (InterruptedException e) {
				return;
			}
			catch (Exception | AssertionError e) {
				failure.set(e);
			}
		}
	}

	/** kill -9 of every PostgreSQL process of the data directory and of the JVM, one right after the other. */
	void killApplicationAndDatabase() {
		ProcessHandle server = AppProcess.postmaster(DATA).orElseThrow();
		List<ProcessHandle> victims = new ArrayList<>();
		victims.add(server);
		victims.addAll(server.descendants().toList());
		victims.add(app.handle());
		victims.forEach(ProcessHandle::destroyForcibly);
		victims.forEach(victim -> victim.onExit().join());
	}

	/** A new draft of 社会保障卡挂失与补领 by 王小明, filled in, with its submit token: {id, token}. */
	String[] draft() throws Exception {
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(app.url("/api/cases"))).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"itemCode\":\"" + ITEM + "\"}")), citizenToken);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).path("id").asString();
		String values = json.writeValueAsString(Map.of("lockVersion", 0, "values", Map.of("name", "王小明", "idNumber", WANG, "phone",
				"13800000001", "reason", "信息变更", "delivery", "窗口领取")));
		HttpResponse<String> filled = send(HttpRequest.newBuilder(URI.create(app.url("/api/cases/" + id + "/form")))
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(values)), citizenToken);
		assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
		String token = json.readTree(get("/api/cases/" + id, citizenToken).body()).path("submitToken").asString();
		return new String[] { id, token };
	}

	/** Submits a draft; an answer other than 200 is an exception (not acknowledged). */
	Submitted submit(String[] draft) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(app.url("/api/cases/" + draft[0] + "/submission")))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + draft[1] + "\"}")),
				citizenToken);
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("submission answered " + answer.statusCode() + ": " + answer.body());
		}
		return new Submitted(draft[0], json.readTree(answer.body()).path("caseNumber").asString());
	}

	/** Reads 王小明's population record through the exchange API for a case of its own; true when served. */
	boolean read(String token, String issue) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(app.url("/api/exchange/XH-GA-RK/records?subject=" + WANG)))
			.header("Tongban-Purpose", URLEncoder.encode("城乡居民医保参保登记核验身份", StandardCharsets.UTF_8)).header("Tongban-Issue", issue).GET(),
				token);
		return answer.statusCode() == 200 && answer.body().contains(WANG);
	}

	/** Posts an Open311 ticket with a phone of its own; its number when created. */
	String ticket(String key, int serialNumber) throws Exception {
		String form = "api_key=" + key + "&service_code=CS0101&attribute%5Bregion%5D=330106&lat=30.27&long=120.13&phone="
				+ String.format("1390%07d", serialNumber) + "&description=" + URLEncoder.encode("路灯不亮，编号 " + serialNumber, StandardCharsets.UTF_8);
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(app.url("/open311/v2/requests.json")))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), null);
		return answer.statusCode() == 201 ? json.readTree(answer.body()).path(0).path("service_request_id").asString() : null;
	}

	/** An access token of 王小明 from the demo mobile app's authorization code flow (scopes cases.read, cases.write). */
	String citizenToken() throws Exception {
		return OidcFlow.of(app.url(""), "tongban-demo-app", DEMO_PASSWORD, "http://127.0.0.1:8083/callback")
			.signIn(WANG, DEMO_PASSWORD, null, "cases.read", "cases.write")
			.access();
	}

	/** The demo 医保 system's token (client credentials, scope exchange). */
	String exchangeToken() throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app.url("/oauth2/token")))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("yb-system-demo:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=exchange")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body()).path("access_token").asString();
	}

	/** A new Open311 client that confirms phones itself (as a department's own intake system does); its key. */
	String ticketsClient() throws SQLException {
		String key = UUID.randomUUID().toString();
		try (Connection db = database();
				var insert = db.prepareStatement("insert into hotline_api_client (name, key_hash, verifies_phone) values (?, ?, true)")) {
			insert.setString(1, "crash-test-" + key);
			insert.setString(2, Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8)));
			insert.executeUpdate();
		}
		return key;
	}

	Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + AppProcess.databasePort(DATA) + "/postgres?user=postgres");
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), token);
	}

	HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
