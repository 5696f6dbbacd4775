package tongban.notification.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tongban.notification.DeliveryStatus;
import tongban.notification.NotificationDeliveries;
import tongban.notification.NotificationDeliveries.Delivery;
import tongban.notification.NotificationManagement;
import tongban.support.TestPeople;

/**
 * The platform against an SMS centre speaking SMPP 3.4 in this JVM ({@link ScriptedSmsCentre}, jSMPP's server session),
 * in a context of its own whose {@code TONGBAN_SMPP_HOST} names it. The platform starts although the centre refuses its
 * bind, says why in health while staying ready, and sends what waited once the password is right; then texts go and
 * come back delivered, long ones in concatenated UCS-2 parts, throttled ones later, rejected numbers fail at once,
 * failure receipts fail the message with the carrier's error, receipts for unknown ids are dropped, and messages wait
 * through an outage of the centre and go after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmppCarrierIT {

	private static final String SYSTEM_ID = "tongban-test";
	private static final String PASSWORD = "right-pw";

	/** Refuses the platform's password until the first test puts it right. */
	private static final ScriptedSmsCentre centre = new ScriptedSmsCentre(freePort(), SYSTEM_ID, "other-pw");

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	NotificationDeliveries deliveries;

	@Autowired
	@Qualifier("smsHealthIndicator")
	HealthIndicator health;

	@Autowired
	SmppConfiguration.Smpp smpp;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Path dataDir = Path.of("target", "test-data", ProcessHandle.current().pid() + "-smpp").toAbsolutePath();
		registry.add("tongban.data-dir", dataDir::toString);
		registry.add("tongban.demo", () -> "true");
		registry.add("tongban.demo.history", () -> "false");
		registry.add("logging.structured.format.console", () -> "");
		registry.add("tongban.smpp.host", () -> "127.0.0.1");
		registry.add("tongban.smpp.port", () -> Integer.toString(centre.port));
		registry.add("tongban.smpp.system-id", () -> SYSTEM_ID);
		registry.add("tongban.smpp.password", () -> PASSWORD);
		registry.add("tongban.smpp.source-addr", () -> "10690000");
		registry.add("tongban.smpp.per-second", () -> "50");
		// short, so outages take seconds
		registry.add("tongban.smpp.reconnect-min", () -> "200ms");
		registry.add("tongban.smpp.reconnect-max", () -> "1s");
		registry.add("tongban.smpp.throttled-wait", () -> "1s");
		registry.add("tongban.smpp.receipt-hold", () -> "2s");
	}

	@AfterAll
	static void stopCentre() {
		centre.close();
	}

	@Test
	@Order(1)
	void aRefusedBindLeavesThePlatformUpAndReadyWithTheReasonAndMessagesWaitUntilThePasswordIsRight() throws Exception {
		Awaitility.await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
		assertThat(health.health().getDetails().get("reason").toString()).contains("拒绝登录").contains("0x0000000e");
		assertThat(get("/actuator/health/readiness").statusCode()).as("SMS down does not take the node out of the balancer").isEqualTo(200);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(503);

		String mobile = TestPeople.mobile();
		notifications.sendSms(mobile, "【通办】等待中的短信");
		Delivery waiting = only(mobile);
		assertThat(waiting.status()).isEqualTo(DeliveryStatus.CREATED);
		assertThat(waiting.detail()).contains("短信中心暂不可用");
		assertThat(waiting.attempts()).as("an outage uses up no try").isZero();
		assertThat(centre.attemptsTo(mobile)).isZero();

		centre.password = PASSWORD;
		Awaitility.await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.UP));
		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.DELIVERED);
		assertThat(only(mobile).attempts()).isZero();
		assertThat(centre.texts.get(mobile)).containsExactly("【通办】等待中的短信");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void aTextGoesInUcs2WithAReceiptAskedForAndComesBackDelivered() {
		String mobile = TestPeople.mobile();
		notifications.sendSms(mobile, "【通办】您的验证码为 123456，5 分钟内有效。");

		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.DELIVERED);
		assertThat(deliveries.history(only(mobile).id())).extracting(NotificationDeliveries.StatusChange::status)
			.containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENDING, DeliveryStatus.DELIVERED);
		assertThat(centre.takenFor(mobile)).singleElement().satisfies(part -> {
			assertThat(part.dataCoding()).as("UCS-2").isEqualTo((byte) 0x08);
			assertThat(part.esmClass() & 0x40).as("no UDHI").isZero();
			assertThat(part.registeredDelivery() & 0x03).as("receipt on success and failure").isEqualTo(1);
		});
		assertThat(centre.texts.get(mobile)).containsExactly("【通办】您的验证码为 123456，5 分钟内有效。");
	}

	@Test
	@Order(3)
	void aLongTextGoesInConcatenatedPartsAndIsDeliveredWhenEveryPartIs() {
		String mobile = TestPeople.mobile();
		centre.noReceipts(mobile);
		String text = "【通办】您的企业开办申请已办结。" + "营业执照、印章、发票和社保登记已一并办好，请凭回执到西湖区政务服务中心一号窗口领取。".repeat(4);
		notifications.sendSms(mobile, text);

		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.SENDING);
		List<ScriptedSmsCentre.Taken> parts = centre.takenFor(mobile);
		int count = (text.length() + SmsParts.PART - 1) / SmsParts.PART;
		assertThat(parts).hasSize(count);
		int reference = SmsParts.header(parts.getFirst().payload()).reference();
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < count; i++) {
			ScriptedSmsCentre.Taken part = parts.get(i);
			assertThat(part.esmClass() & 0x40).as("UDHI").isEqualTo(0x40);
			assertThat(part.payload().length).isLessThanOrEqualTo(140);
			assertThat(SmsParts.header(part.payload())).isEqualTo(new SmsParts.Header(reference, count, i + 1));
			joined.append(SmsParts.text(part.payload(), true, part.dataCoding()));
		}
		assertThat(joined.toString()).isEqualTo(text);
		assertThat(centre.texts.get(mobile)).containsExactly(text);

		for (int i = 0; i < count - 1; i++) {
			centre.sendReceipt(ReceiptText.of(parts.get(i).messageId(), "DELIVRD", "000"));
		}
		long id = only(mobile).id();
		Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from notification_sms_part where delivery_id = ? and stat = 'DELIVRD'")
			.param(id).query(Long.class).single() == count - 1);
		assertThat(only(mobile).status()).as("not delivered while a part is not").isEqualTo(DeliveryStatus.SENDING);
		centre.sendReceipt(ReceiptText.of(parts.getLast().messageId(), "DELIVRD", "000"));
		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.DELIVERED);
	}

	@Test
	@Order(4)
	void aThrottledSubmitIsTriedAgainLaterWithoutUsingUpATryAndSent() {
		String mobile = TestPeople.mobile();
		centre.throttle(mobile, 2);
		notifications.sendSms(mobile, "【通办】限流后重试的短信");

		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.DELIVERED);
		assertThat(centre.attemptsTo(mobile)).isEqualTo(3);
		assertThat(only(mobile).attempts()).isZero();
		assertThat(deliveries.history(only(mobile).id())).anySatisfy(change -> assertThat(change.detail()).contains("0x00000058"));
	}

	@Test
	@Order(5)
	void aFailureReceiptFailsTheMessageWithTheCarriersError() {
		String mobile = TestPeople.mobile();
		centre.failReceipt(mobile, "UNDELIV", "001");
		notifications.sendSms(mobile, "【通办】无法送达的短信");

		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.FAILED);
		assertThat(only(mobile).detail()).isEqualTo("stat:UNDELIV err:001");
	}

	@Test
	@Order(6)
	void aNumberTheCarrierRejectsFailsAtOnceWithTheCodeAndIsNotTriedAgain() {
		String mobile = TestPeople.mobile();
		centre.reject(mobile);
		notifications.sendSms(mobile, "【通办】号码被拒收的短信");

		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.FAILED);
		assertThat(only(mobile).detail()).contains("0x0000000b");
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> centre.attemptsTo(mobile) == 1);
	}

	@Test
	@Order(7)
	void aReceiptForAnUnknownMessageIdIsDroppedAndTheSessionGoesOn() {
		long before = smpp.receipts().ignored();
		centre.sendReceipt(ReceiptText.of("feedfacecafe0001", "DELIVRD", "000"));
		Awaitility.await().atMost(WAIT).until(() -> smpp.receipts().ignored() == before + 1 && smpp.receipts().waiting() == 0);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		String mobile = TestPeople.mobile();
		notifications.sendSms(mobile, "【通办】之后的短信");
		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.DELIVERED);
	}

	@Test
	@Order(8)
	void messagesWaitThroughAnOutageOfTheCentreAndGoAfterIt() {
		centre.stop();
		Awaitility.await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
		assertThat(health.health().getDetails().get("reason").toString()).contains("连接");

		String mobile = TestPeople.mobile();
		notifications.sendSms(mobile, "【通办】停机期间的短信");
		assertThat(only(mobile).status()).isEqualTo(DeliveryStatus.CREATED);
		assertThat(only(mobile).detail()).contains("短信中心暂不可用");

		centre.start();
		Awaitility.await().atMost(WAIT).until(() -> only(mobile).status() == DeliveryStatus.DELIVERED);
		assertThat(only(mobile).attempts()).isZero();
		assertThat(centre.texts.get(mobile)).containsExactly("【通办】停机期间的短信");
	}

	private Delivery only(String mobile) {
		List<Delivery> sent = deliveries.toAddress(mobile, 10);
		assertThat(sent).hasSize(1);
		return sent.getFirst();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
