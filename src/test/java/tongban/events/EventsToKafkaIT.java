package tongban.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.feedback.CaseRatings;
import tongban.feedback.Concluded;
import tongban.feedback.RatingInput;
import tongban.hotline.NewTicket;
import tongban.hotline.Satisfaction;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketId;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.licence.CaseLicences;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;
import tongban.support.IntegrationTest.Citizen;
import tongban.support.People;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * The platform against a real Kafka broker (KRaft, {@link KraftBroker}) in this JVM, in a context of its own (its own database: the shared
 * one's must not be touched by a second PostgreSQL in the same folder): the events of a case, a licence, a ticket and a
 * rating arrive keyed and schema-valid without personal data; while the broker is down requests succeed, the outbox
 * grows and health says DEGRADED; when a broker is back every waiting event arrives and the outbox empties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsToKafkaIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int KAFKA_PORT = freePort();

	private static final KraftBroker broker = startBroker();

	@RegisterExtension
	final People people = new People();

	@LocalServerPort
	int port;

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	CaseRatings ratings;

	@Autowired
	LicenceManagement licences;

	@Autowired
	CaseLicences caseLicences;

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketDispatch dispatch;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	@Qualifier("kafkaHealthIndicator")
	HealthIndicator kafkaHealth;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Path dataDir = Path.of("target", "test-data", ProcessHandle.current().pid() + "-kafka").toAbsolutePath();
		registry.add("tongban.data-dir", dataDir::toString);
		registry.add("tongban.demo", () -> "true");
		registry.add("logging.structured.format.console", () -> "");
		registry.add("tongban.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
		// short, so the outage takes seconds: a send gives up after 2 s + 4 s, the outbox is resubmitted after 8 s
		registry.add("tongban.kafka.max-block", () -> "2s");
		registry.add("tongban.kafka.delivery-timeout", () -> "4s");
		registry.add("tongban.kafka.resubmit-every", () -> "1s");
		registry.add("tongban.kafka.resubmit-after", () -> "8s");
	}

	@AfterAll
	static void stopBroker() throws Exception {
		broker.close();
	}

	@Test
	@Order(1)
	void theEventsOfACaseALicenceATicketAndARatingArriveKeyedWithoutPersonalData() {
		Citizen citizen = people.citizen("欧阳卡夫", 2);
		UUID caseId = Concluded.socialSecurityCard(applying, cases, approval, citizen);
		UUID ratingId = ratings.rateCase(TestCases.actor(citizen), caseId, new RatingInput("VERY_SATISFIED", null, null, null)).id();
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "婚姻登记员", "XH-MZ", Set.of("APPROVER"), true);
		UUID licenceId = licences.issue(new LicenceManagement.Issue(caseId, "330106-QR-0006-01", "XH-MZ", "330106", citizen.id(),
				Map.of("femaleName", citizen.name(), "femaleId", citizen.idNumber(), "maleName", "卡夫配偶", "maleId", TestPeople.idNumber()),
				citizen.id()), sealer).orElseThrow().id();
		caseLicences.revokeIssuedOn(caseId, "XH-MZ", "以欺骗手段取得", "撤销员");
		TicketId ticket = intake.submit(new NewTicket("CONSULT", "JY0101", null, "330106", "杭州市西湖区文三路 90 号", null, null,
				"请问幼儿园报名什么时候开始？", citizen.name(), citizen.mobile(), null, false, List.of()), TicketSource.operator("话务员")).id();
		dispatch.dispatch(ticket, "话务员", "XH-JY", List.of());
		handling.reply(ticket, "XH-JY", "区教育局", "每年五月报名。");
		closing.close(ticket, "话务员", "");

		try (var consumer = consumer(broker)) {
			Map<String, List<ConsumerRecord<String, String>>> got = new HashMap<>();
			String caseKey = caseId.toString();
			awaitRecords(consumer, got, all -> has(all, PublicMessages.CASE_SUBMITTED, caseKey) && has(all, PublicMessages.CASE_ACCEPTED, caseKey)
					&& has(all, PublicMessages.CASE_CONCLUDED, caseKey) && has(all, PublicMessages.RATING_GIVEN, ratingId.toString())
					&& has(all, PublicMessages.LICENCE_ISSUED, licenceId.toString()) && has(all, PublicMessages.LICENCE_REVOKED, licenceId.toString())
					&& has(all, PublicMessages.TICKET_CLOSED, ticket.value().toString()));

			// the ticket is reopened by an unsatisfied caller and closed again: a second message under the same key, after the first
			closing.revisit(ticket, "话务员", Satisfaction.UNSATISFIED, "", true);
			handling.reply(ticket, "XH-JY", "区教育局", "每年五月报名，详见招生公告。");
			closing.close(ticket, "话务员", "");
			awaitRecords(consumer, got, all -> of(all, PublicMessages.TICKET_CLOSED, ticket.value().toString()).size() == 2);

			Map<String, String> ids = Map.of(PublicMessages.CASE_SUBMITTED, caseKey, PublicMessages.CASE_ACCEPTED, caseKey,
					PublicMessages.CASE_CONCLUDED, caseKey, PublicMessages.RATING_GIVEN, ratingId.toString(), PublicMessages.LICENCE_ISSUED,
					licenceId.toString(), PublicMessages.LICENCE_REVOKED, licenceId.toString(), PublicMessages.TICKET_CLOSED,
					ticket.value().toString());
			for (var topic : ids.entrySet()) {
				for (var record : of(got, topic.getKey(), topic.getValue())) {
					JsonNode message = JSON.readTree(record.value());
					assertThat(EventSchemas.problems(topic.getKey(), message)).as(record.value()).isEmpty();
					assertThat(record.value()).doesNotContain(citizen.name(), citizen.idNumber(), citizen.mobile(), "文三路", "幼儿园", "欺骗");
					assertThat(new String(record.headers().lastHeader(PublicMessage.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
						.isEqualTo(message.get("eventId").asString());
				}
			}
			JsonNode concluded = JSON.readTree(of(got, PublicMessages.CASE_CONCLUDED, caseKey).getFirst().value());
			assertThat(concluded.get("caseId").asString()).isEqualTo(caseKey);
			assertThat(concluded.get("outcome").asString()).isEqualTo("APPROVED");
			assertThat(concluded.get("departmentCode").asString()).isEqualTo(Concluded.DEPARTMENT);
			JsonNode revoked = JSON.readTree(of(got, PublicMessages.LICENCE_REVOKED, licenceId.toString()).getFirst().value());
			assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
			assertThat(revoked.get("caseId").asString()).isEqualTo(caseKey);
			JsonNode rating = JSON.readTree(of(got, PublicMessages.RATING_GIVEN, ratingId.toString()).getFirst().value());
			assertThat(rating.get("level").asInt()).isEqualTo(5);
			assertThat(rating.get("caseId").asString()).isEqualTo(caseKey);

			var closed = of(got, PublicMessages.TICKET_CLOSED, ticket.value().toString());
			assertThat(closed.get(1).partition()).isEqualTo(closed.get(0).partition());
			assertThat(closed.get(1).offset()).isGreaterThan(closed.get(0).offset());
			JsonNode first = JSON.readTree(closed.get(0).value());
			JsonNode second = JSON.readTree(closed.get(1).value());
			assertThat(second.get("eventId")).isNotEqualTo(first.get("eventId"));
			assertThat(second.get("closedAt").asString()).isGreaterThan(first.get("closedAt").asString());
			assertThat(first.get("departmentCode").asString()).isEqualTo("XH-JY");
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> kafkaHealth.health().getStatus().getCode().equals("UP"));
	}

	@Test
	@Order(2)
	void whileTheBrokerIsDownRequestsSucceedTheOutboxGrowsAndEverythingArrivesWhenItIsBack() throws Exception {
		Set<String> before = new HashSet<>();
		try (var consumer = consumer(broker)) {
			Map<String, List<ConsumerRecord<String, String>>> got = new HashMap<>();
			awaitRecords(consumer, got, all -> all.containsKey(PublicMessages.CASE_SUBMITTED));
			got.get(PublicMessages.CASE_SUBMITTED).forEach(record -> before.add(record.key()));
		}
		broker.cutOff();
		Citizen citizen = people.citizen("欧阳停机", 2);
		List<CaseId> submitted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			submitted.add(TestCases.submittedSocialSecurityCard(applying, citizen));
			// the request does not wait for the broker (max.block.ms is 2 s here)
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		Set<String> keys = submitted.stream().map(id -> id.value().toString()).collect(Collectors.toSet());

		Health degraded = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(kafkaHealth::health, health -> health.getStatus().getCode().equals("DEGRADED")
					&& ((Number) health.getDetails().get("outboxSize")).longValue() >= keys.size());
		assertThat(degraded.getDetails()).containsEntry("brokerReachable", false);
		HttpResponse<String> overall = get("/actuator/health");
		assertThat(overall.statusCode()).isEqualTo(200);
		assertThat(overall.body()).contains("\"DEGRADED\"").doesNotContain("outboxSize");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");

		broker.restore();
		try (var consumer = consumer(broker)) {
			Map<String, List<ConsumerRecord<String, String>>> got = new HashMap<>();
			awaitRecords(consumer, got, all -> keys.stream().allMatch(key -> has(all, PublicMessages.CASE_SUBMITTED, key)));
			var arrived = got.getOrDefault(PublicMessages.CASE_SUBMITTED, List.of()).stream().filter(record -> !before.contains(record.key())).toList();
			// exactly the cases submitted meanwhile; a duplicate would carry the same event id
			assertThat(arrived.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(keys);
			assertThat(arrived.stream().map(record -> JSON.readTree(record.value()).get("eventId").asString()).distinct()).hasSize(keys.size());
		}
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			Health health = kafkaHealth.health();
			return health.getStatus().getCode().equals("UP") && ((Number) health.getDetails().get("outboxSize")).longValue() == 0;
		});
		assertThat(get("/actuator/health").body()).doesNotContain("DEGRADED");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void awaitRecords(KafkaConsumer<String, String> consumer, Map<String, List<ConsumerRecord<String, String>>> got,
			Predicate<Map<String, List<ConsumerRecord<String, String>>>> done) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
			for (var record : consumer.poll(Duration.ofMillis(500))) {
				got.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record);
			}
			return done.test(got);
		});
	}

	private static boolean has(Map<String, List<ConsumerRecord<String, String>>> got, String topic, String key) {
		return !of(got, topic, key).isEmpty();
	}

	private static List<ConsumerRecord<String, String>> of(Map<String, List<ConsumerRecord<String, String>>> got, String topic, String key) {
		return got.getOrDefault(topic, List.of()).stream().filter(record -> key.equals(record.key())).toList();
	}

	private static KafkaConsumer<String, String> consumer(KraftBroker on) {
		var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, on.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(PublicMessages.TOPICS);
		return consumer;
	}

	private static KraftBroker startBroker() {
		return KraftBroker.start(KAFKA_PORT, PublicMessages.TOPICS);
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
