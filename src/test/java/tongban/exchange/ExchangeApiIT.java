package tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import tongban.audit.AuditTrail;
import tongban.audit.SealedRecords;
import tongban.identity.internal.ClientRegistrations;
import tongban.shared.IdNumber;
import tongban.support.IntegrationTest;

/**
 * The exchange API against the demo catalogue and grants: a department system reads the granted fields of the
 * population register for a case and the read is recorded for the person; every refusal of the issue's "bad input" list
 * answers problem+json with its status; a subject who is not registered gets the same answer as one without records.
 */
class ExchangeApiIT extends IntegrationTest {

	static final String WANG = "33010619900101001" + IdNumber.checkCharacter("33010619900101001");

	@Autowired
	DataLookups lookups;

	@Autowired
	ExchangeClients exchangeClients;

	@Autowired
	SharingGrants grants;

	@Autowired
	AccessRecords records;

	@Autowired
	ClientRegistrations clients;

	@Autowired
	AuditTrail audit;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	String client(String department, int rate) throws Exception {
		String id = "ex-" + UUID.randomUUID().toString().substring(0, 8);
		String token = clientToken(clients, id, "exchange");
		if (department != null) {
			exchangeClients.bindClient(id, department, rate);
		}
		return token;
	}

	HttpResponse<String> get(String token, String resource, String subject, String fields, String purpose, String issue) throws Exception {
		String q = "?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + (fields == null ? "" : "&fields=" + fields);
		var b = HttpRequest.newBuilder(URI.create(url("/api/exchange/" + resource + "/records" + q))).header("Authorization", "Bearer " + token);
		if (purpose != null) {
			b.header("Tongban-Purpose", URLEncoder.encode(purpose, StandardCharsets.UTF_8));
		}
		if (issue != null) {
			b.header("Tongban-Issue", issue);
		}
		return http.send(b.header("Tongban-UserId", "yb-operator-7").build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aGrantedReadServesGrantedFieldsAndIsRecordedForThePerson() throws Exception {
		String token = client("XH-YB", 1000);
		String caseNumber = "330106202611230" + (System.nanoTime() % 100000);
		var ok = get(token, "XH-GA-RK", WANG, null, "城乡居民医保参保登记核验户籍", caseNumber);
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
		JsonNode body = json.readTree(ok.body());
		assertThat(body.get("fields").toString()).isEqualTo("[\"name\",\"idNumber\",\"gender\",\"birthDate\",\"householdAddress\"]");
		JsonNode rec = body.get("records").get(0);
		assertThat(rec.get("name").asString()).isEqualTo("王小明");
		assertThat(rec.get("idNumber").asString()).isEqualTo(WANG);
		assertThat(rec.get("gender").asString()).isEqualTo("男");
		assertThat(rec.get("birthDate").asString()).isEqualTo("1990-01-01");
		assertThat(rec.has("ethnicity")).as("not granted, not served").isFalse();

		var some = get(token, "XH-GA-RK", WANG, "name,birthDate", "核验", caseNumber);
		assertThat(json.readTree(some.body()).get("records").get(0).propertyNames()).containsExactly("name", "birthDate");

		var reads = records.readsOf(WANG, UUID.randomUUID(), 50);
		assertThat(reads).anySatisfy(r -> {
			assertThat(r.caseNumber()).isEqualTo(caseNumber);
			assertThat(r.purpose()).isEqualTo("城乡居民医保参保登记核验户籍");
			assertThat(r.departmentName()).isEqualTo("杭州市医疗保障局西湖分局");
			assertThat(r.fieldLabels()).containsExactly("姓名", "公民身份号码", "性别", "出生日期", "户籍地址");
		});
		// both reads are sealed into the audit trail by the DATA_READ entries of their ranges
		assertThat(audit.verify().intact()).isTrue();
		assertThat(jdbc.sql("select count(*) from exchange_access a join audit_entry e on " + SEALS + " where a.case_number = ? and a.seal ~ '^[0-9a-f]{64}$'")
			.param(caseNumber)
			.query(Long.class)
			.single()).isEqualTo(2);
		// the shared records are kept encrypted: no name, ID number or address in the table
		assertThat(jdbc.sql("select count(*) from exchange_record where data like ? or data like ? or data like ? or subject_index = ?")
			.params("%" + WANG + "%", "%王小明%", "%西湖区%", WANG)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void alteringOrDeletingOneReadRecordIsReportedByTheAuditVerification() throws Exception {
		String token = client("XH-YB", 1000);
		String caseNumber = "SEAL-" + UUID.randomUUID();
		assertThat(get(token, "XH-GA-RK", WANG, "name", "核验", caseNumber).statusCode()).isEqualTo(200);
		Map<String, Object> row = jdbc.sql("select * from exchange_access where case_number = ?").param(caseNumber).query().singleRow();
		AuditTrail.Verification whole = audit.verify();
		assertThat(whole.intact()).as(whole.toString()).isTrue();
		long entry = jdbc.sql("select e.id from exchange_access a join audit_entry e on " + SEALS + " where a.id = ?").param(row.get("id")).query(Long.class).single();
		Long position = jdbc.sql("select position from audit_entry where id = ?").param(entry).query(Long.class).single();

		// another purpose written into the record: that record is named
		jdbc.sql("update exchange_access set purpose = '随便看看' where id = ?").param(row.get("id")).update();
		AuditTrail.Verification altered = audit.verify();
		assertThat(altered.intact()).isFalse();
		assertThat(altered.problem()).isEqualTo("READ_ALTERED");
		assertThat(altered.record()).isEqualTo("exchange_access " + row.get("id"));
		assertThat(altered.entryId()).isEqualTo(entry);
		assertThat(altered.position()).isEqualTo(position);
		// a seal computed again without the platform's key does not pass either
		jdbc.sql("update exchange_access set seal = encode(sha256(convert_to(purpose, 'UTF8')), 'hex') where id = ?").param(row.get("id")).update();
		assertThat(audit.verify().record()).isEqualTo("exchange_access " + row.get("id"));
		jdbc.sql("update exchange_access set purpose = ?, seal = ? where id = ?").params(row.get("purpose"), row.get("seal"), row.get("id")).update();
		assertThat(audit.verify().intact()).isTrue();

		// the record deleted: the entry that sealed its range is named
		jdbc.sql("delete from exchange_access where id = ?").param(row.get("id")).update();
		AuditTrail.Verification deleted = audit.verify();
		assertThat(deleted.intact()).isFalse();
		assertThat(deleted.problem()).isEqualTo("READS_MISSING");
		assertThat(deleted.entryId()).isEqualTo(entry);
		assertThat(deleted.position()).isEqualTo(position);
		jdbc.sql("""
				insert into exchange_access (id, at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
				  purpose, case_number, outcome, audit_id, seal) values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)""")
			.params(row.get("id"), row.get("at"), row.get("subject_index"), row.get("resource_code"), row.get("consumer_department_code"),
					row.get("client_id"), row.get("staff_id"), row.get("staff_name"), row.get("fields").toString(), row.get("purpose"),
					row.get("case_number"), row.get("outcome"), row.get("audit_id"), row.get("seal"))
			.update();
		assertThat(audit.verify().intact()).isTrue();

		// a copy of the record under another id, marked as one of the old batches' to escape its range's count: named
		long copy = jdbc.sql("""
				insert into exchange_access (at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
				  purpose, case_number, outcome, audit_id, seal)
				select at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields, purpose, case_number,
				  outcome, ?, seal from exchange_access where id = ? returning id""")
			.params(entry, row.get("id"))
			.query(Long.class)
			.single();
		AuditTrail.Verification copied = audit.verify();
		assertThat(copied.problem()).isEqualTo("READ_COPIED");
		assertThat(copied.record()).isEqualTo("exchange_access " + copy);
		jdbc.sql("delete from exchange_access where id = ?").param(copy).update();
		assertThat(audit.verify().intact()).isTrue();

		// a read made up and written by hand, without a seal: named as not written by the platform
		long forged = jdbc.sql("""
				insert into exchange_access (subject_index, resource_code, consumer_department_code, fields, purpose, case_number, outcome)
				values (?, 'XH-GA-RK', 'XH-MZ', '{name}', '查看', 'FAKE-1', 'SERVED') returning id""")
			.param(row.get("subject_index"))
			.query(Long.class)
			.single();
		AuditTrail.Verification made = audit.verify();
		assertThat(made.problem()).isEqualTo("READ_UNSEALED");
		assertThat(made.record()).isEqualTo("exchange_access " + forged);
		jdbc.sql("delete from exchange_access where id = ?").param(forged).update();
		assertThat(audit.verify().intact()).isTrue();
	}

	/** The entry whose range ("reads 101-250: ...") holds the read record {@code a} (as a join condition on {@code e}). */
	private static final String SEALS = """
			e.kind = 'DATA_READ' and e.actor = 'exchange'
			  and a.id between split_part(substring(e.detail from '^reads ([0-9]+-[0-9]+):'), '-', 1)::bigint
			  and split_part(substring(e.detail from '^reads ([0-9]+-[0-9]+):'), '-', 2)::bigint""";

	@Autowired
	List<SealedRecords> sealedRecords;

	@Test
	void concurrentReadsAreEachCommittedBeforeTheirAnswerAndSealedWhileOthersAreUnderWay() throws Exception {
		var reader = new Reader("XH-YB", "batch-test", null, null);
		String run = "BATCH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> unrecordedAtAnswer = Collections.synchronizedList(new ArrayList<>());
		var reading = new AtomicBoolean(true);
		var passes = new AtomicInteger();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			// sealing passes run one after another while the reads are under way: none may seal past a record still on its way
			var sealing = pool.submit(() -> {
				while (reading.get()) {
					sealedRecords.forEach(SealedRecords::sealPending);
					passes.incrementAndGet();
				}
				return null;
			});
			List<Future<?>> all = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				all.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						if (i > 0 && i % 5 == 0) {
							// two whole passes between this reader's fifth reads: the second began after the reads before it were
							// committed, so it sealed them while the other readers' reads were still under way
							int arrived = passes.get();
							Awaitility.await("two sealing passes")
								.atMost(Duration.ofMinutes(1))
								.pollInterval(Duration.ofMillis(5))
								.until(() -> passes.get() >= arrived + 2);
						}
						String caseNumber = run + thread + "-" + i;
						lookups.lookup(reader, new Lookup("XH-GA-RK", WANG, List.of("name"), "核验", caseNumber), true);
						if (jdbc.sql("select count(*) from exchange_access where case_number = ?").param(caseNumber).query(Long.class).single() != 1) {
							unrecordedAtAnswer.add(caseNumber);
						}
					}
					return null;
				}));
			}
			try {
				for (var f : all) {
					f.get();
				}
			}
			finally {
				reading.set(false);
			}
			sealing.get();
		}
		assertThat(unrecordedAtAnswer).as("reads answered before their record was committed").isEmpty();
		AuditTrail.Verification v = audit.verify();
		assertThat(v.intact()).as(v.toString()).isTrue();
		assertThat(jdbc.sql("select count(*) from exchange_access a where case_number like ? and seal is not null and audit_id is null"
				+ " and (select count(*) from audit_entry e where " + SEALS + ") = 1").param(run + "%").query(Long.class).single())
			.as("each of the 200 reads sealed by exactly one range").isEqualTo(200);
		// each reader's reads were sealed in at least five ranges (one per group of five): passes ran between its reads
		for (int t = 0; t < 8; t++) {
			assertThat(jdbc.sql("select count(distinct e.id) from exchange_access a join audit_entry e on " + SEALS + " where a.case_number like ?")
				.param(run + t + "-%")
				.query(Long.class)
				.single()).as("ranges sealing reader " + t + "'s reads").isGreaterThanOrEqualTo(5);
		}
	}

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aSealingPassWaitsForAReadStillOnItsWayBeforeSealingPastIt() throws Exception {
		var reader = new Reader("XH-YB", "seal-order-test", null, null);
		String run = "ORDER-" + UUID.randomUUID().toString().substring(0, 8);
		var inserted = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			// a read recorded inside a longer transaction (as a prefill is): its id is drawn, its commit comes later
			var held = pool.submit(() -> {
				new TransactionTemplate(transactions).executeWithoutResult(s -> {
					lookups.lookup(reader, new Lookup("XH-GA-RK", WANG, List.of("name"), "核验", run + "-A"), true);
					inserted.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
				});
				return null;
			});
			inserted.await();
			// a later read, with a higher id, committed at once; then a sealing pass
			lookups.lookup(reader, new Lookup("XH-GA-RK", WANG, List.of("name"), "核验", run + "-B"), true);
			var pass = pool.submit(() -> sealedRecords.forEach(SealedRecords::sealPending));
			// while the first read's transaction is open, the pass does not end
			Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !pass.isDone());
			release.countDown();
			pass.get();
			// seen from another connection as the pass returns: the first read is committed, so the pass waited for it
			assertThat(jdbc.sql("select count(*) from exchange_access where case_number = ?").param(run + "-A").query(Long.class).single())
				.as("the pass ended after the first read was committed").isEqualTo(1);
			held.get();
		}
		AuditTrail.Verification v = audit.verify();
		assertThat(v.intact()).as(v.toString()).isTrue();
		assertThat(jdbc.sql("select count(*) from exchange_access a where case_number like ? and (select count(*) from audit_entry e where " + SEALS
				+ ") = 1").param(run + "%").query(Long.class).single()).as("both reads sealed by exactly one range").isEqualTo(2);
	}

	@Test
	void aRangeWhoseRecordedFactsNoLongerGiveItsChainedDetailIsReportedAltered() throws Exception {
		String token = client("XH-YB", 1000);
		String caseNumber = "FACTS-" + UUID.randomUUID();
		assertThat(get(token, "XH-GA-RK", WANG, "name", "核验", caseNumber).statusCode()).isEqualTo(200);
		assertThat(audit.verify().intact()).isTrue();
		long id = jdbc.sql("select id from exchange_access where case_number = ?").param(caseNumber).query(Long.class).single();
		Map<String, Object> entry = jdbc.sql("select e.id, e.position, e.facts::text as facts from exchange_access a join audit_entry e on " + SEALS
				+ " where a.id = ?").param(id).query().singleRow();
		assertThat((String) entry.get("facts")).contains("\"first\": ", "\"seal\": ");

		// the range moved off the read in the facts (the chained detail unchanged): that entry is named
		jdbc.sql("update audit_entry set facts = jsonb_set(facts, '{first}', to_jsonb((facts->>'last')::bigint + 1)) where id = ?")
			.param(entry.get("id"))
			.update();
		AuditTrail.Verification moved = audit.verify();
		assertThat(moved.intact()).isFalse();
		assertThat(moved.problem()).isEqualTo("ALTERED");
		assertThat(moved.entryId()).isEqualTo(entry.get("id"));
		assertThat(moved.position()).isEqualTo(entry.get("position"));
		jdbc.sql("update audit_entry set facts = ?::jsonb where id = ?").params(entry.get("facts"), entry.get("id")).update();
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void everyRefusalAnswersProblemJsonWithItsStatus() throws Exception {
		String token = client("XH-YB", 1000);
		var field = get(token, "XH-GA-RK", WANG, "name,ethnicity", "核验", "C1");
		assertThat(field.statusCode()).isEqualTo(403);
		assertThat(field.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		JsonNode p = json.readTree(field.body());
		assertThat(p.get("code").asString()).isEqualTo("exchange-field-not-granted");
		assertThat(p.get("field").asString()).isEqualTo("ethnicity");
		assertThat(p.get("title").asString()).contains("ethnicity");

		var noPurpose = get(token, "XH-GA-RK", WANG, null, null, "C1");
		assertThat(noPurpose.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noPurpose.body()).get("code").asString()).isEqualTo("exchange-purpose-missing");
		var noCase = get(token, "XH-GA-RK", WANG, null, "核验", null);
		assertThat(noCase.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noCase.body()).get("code").asString()).isEqualTo("exchange-case-missing");

		assertThat(get(token, "XH-MZ-HY", WANG, null, "核验", "C1").statusCode()).as("no grant").isEqualTo(403);
		assertThat(get(token, "NO-SUCH", WANG, null, "核验", "C1").statusCode()).isEqualTo(404);
		assertThat(get(client(null, 0), "XH-GA-RK", WANG, null, "核验", "C1").statusCode()).as("a system bound to no department").isEqualTo(403);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/exchange/XH-GA-RK/records?subject=" + WANG))).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		String apiOnly = clientToken(clients, "api-" + UUID.randomUUID().toString().substring(0, 8), "api");
		assertThat(get(apiOnly, "XH-GA-RK", WANG, null, "核验", "C1").statusCode()).as("a token without the exchange scope").isEqualTo(403);

		// an unknown subject: the same answer as a registered person without a record
		Citizen unregistered = newCitizen("未登记人", 1);
		String notInRegister = "11010119800101" + String.format("%03d", (int) (System.nanoTime() % 1000));
		notInRegister += IdNumber.checkCharacter(notInRegister);
		var a = json.readTree(get(token, "XH-GA-RK", notInRegister, null, "核验", "C2").body());
		var b = json.readTree(get(token, "XH-GA-RK", unregistered.idNumber(), null, "核验", "C2").body());
		((ObjectNode) a).remove("servedAt");
		((ObjectNode) b).remove("servedAt");
		assertThat(a).isEqualTo(b);
		assertThat(a.get("records").size()).isZero();
	}

	@Test
	void expiredAndRevokedGrantsAreRefusedAtOnce() throws Exception {
		String wj = client("XH-WJ", 1000);
		assertThat(json.readTree(get(wj, "XH-GA-RK", WANG, null, "核验", "C3").body()).get("code").asString()).isEqualTo("exchange-no-grant");
		var g = (Grant) grants.requestGrant("XH-WJ", "XH-GA-RK", List.of("name", "birthDate"), "出生医学证明核验母亲身份",
				"《中华人民共和国母婴保健法》", LocalDate.now().plusMonths(6), "测试");
		assertThat(g.status()).isEqualTo("REQUESTED");
		assertThat(get(wj, "XH-GA-RK", WANG, null, "核验", "C3").statusCode()).as("a request is not a grant").isEqualTo(403);
		grants.decide(g.id(), "XH-GA", true, null, "测试");
		assertThat(get(wj, "XH-GA-RK", WANG, null, "核验", "C3").statusCode()).isEqualTo(200);
		// a grant past its date (set in the table here: lookups keep a department's grants for at most a second)
		jdbc.sql("update exchange_grant set valid_until = current_date - 1 where id = ?").param(g.id()).update();
		var expired = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> get(wj, "XH-GA-RK", WANG, null, "核验", "C3"), r -> r.statusCode() != 200);
		assertThat(expired.statusCode()).isEqualTo(403);
		assertThat(json.readTree(expired.body()).get("code").asString()).isEqualTo("exchange-grant-expired");
		jdbc.sql("update exchange_grant set valid_until = current_date + 30 where id = ?").param(g.id()).update();
		// a revocation takes effect at once
		grants.revoke(g.id(), "XH-GA", "核验事项已停办", "测试");
		var revoked = get(wj, "XH-GA-RK", WANG, null, "核验", "C3");
		assertThat(revoked.statusCode()).isEqualTo(403);
		assertThat(json.readTree(revoked.body()).get("code").asString()).isEqualTo("exchange-grant-revoked");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_REFUSED' and detail like '%exchange-grant-revoked%'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void aSystemOverItsRateIsToldToWait() throws Exception {
		String token = client("XH-YB", 3);
		List<Integer> statuses = new ArrayList<>();
		String retryAfter = null;
		long start = System.nanoTime();
		// ten calls at least; more (up to thirty) while none was refused, should this machine be slow
		for (int i = 0; i < 30 && (i < 10 || retryAfter == null); i++) {
			var r = get(token, "XH-GA-RK", WANG, "name", "核验", "C4");
			statuses.add(r.statusCode());
			if (r.statusCode() == 429) {
				retryAfter = r.headers().firstValue("Retry-After").orElse(null);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(statuses).contains(200, 429);
		// a bucket of three, refilled at three a second: at most three plus what the elapsed time refilled were served
		assertThat(statuses.stream().filter(s -> s == 200).count()).as("served in %.2f s", seconds).isLessThanOrEqualTo(3 + (long) Math.ceil(seconds * 3));
		assertThat(retryAfter).isEqualTo("1");
	}
}
