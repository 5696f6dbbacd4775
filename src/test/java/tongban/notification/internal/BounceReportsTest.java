package tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** Bounces as mail servers send them, written after RFC 3464's examples and real Postfix and Exim reports. */
class BounceReportsTest {

	private static final Set<String> OWN = Set.of("noreply@tongban.local", "bounces@tongban.local");

	static MimeMessage mail(String raw) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	/** A Postfix-style DSN for one recipient, with the returned mail's headers as its third part. */
	static String dsn(String recipient, String action, String status, String diagnostic) {
		return """
				From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
				To: bounces@tongban.local
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"

				--B0UND
				Content-Type: text/plain; charset=us-ascii

				This is the mail system at host mx.example.org. Your message could not be delivered.

				--B0UND
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org
				Arrival-Date: Mon,  7 Dec 2026 10:32:00 +0800

				Final-Recipient: rfc822; %s
				Original-Recipient: rfc822;%s
				Action: %s
				Status: %s
				Diagnostic-Code: smtp; %s

				--B0UND
				Content-Type: text/rfc822-headers

				From: noreply@tongban.local
				To: someone-else@example.net
				Subject: 办件已受理

				--B0UND--
				""".formatted(recipient, recipient, action, status, diagnostic).replace("\n", "\r\n");
	}

	@Test
	void aDeliveryStatusNotificationNamesTheFailedRecipientStatusAndDiagnostic() throws Exception {
		List<BounceReports.Bounce> found = BounceReports.read(mail(dsn("Zhang.San@Example.ORG", "failed", "5.1.1",
				"550 5.1.1 <zhang.san@example.org>: Recipient address rejected: User unknown")), OWN);

		assertThat(found).singleElement().satisfies(bounce -> {
			assertThat(bounce.recipients()).as("the final recipient, not the one in the returned headers").containsExactly("zhang.san@example.org");
			assertThat(bounce.status()).isEqualTo("5.1.1");
			assertThat(bounce.reason()).as("the address quoted in the diagnostic is masked")
				.isEqualTo("550 5.1.1 <z***@example.org>: Recipient address rejected: User unknown");
		});
	}

	@Test
	void aDelayOrATemporaryFailureIsNoBounce() throws Exception {
		assertThat(BounceReports.read(mail(dsn("li@example.org", "delayed", "4.4.1", "connect timed out")), OWN)).isEmpty();
		assertThat(BounceReports.read(mail(dsn("li@example.org", "failed", "4.2.2", "mailbox full")), OWN))
			.as("failed but not permanent").isEmpty();
		assertThat(BounceReports.read(mail(dsn("li@example.org", "delivered", "2.0.0", "ok")), OWN)).isEmpty();
	}

	@Test
	void eachFailedRecipientOfAReportIsOneBounceAndFoldedFieldsAreJoined() {
		List<BounceReports.Bounce> found = BounceReports.fromDeliveryStatus("""
				Reporting-MTA: dns; mx.example.org

				Final-Recipient: rfc822; a@example.org
				Action: failed
				Status: 5.2.1
				Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried
				    to reach is disabled

				Final-Recipient: rfc822; b@example.org
				Action: failed
				Status: 5.7.1

				Final-Recipient: rfc822; c@example.org
				Action: delivered
				Status: 2.0.0
				""");

		assertThat(found).extracting(BounceReports.Bounce::recipients, BounceReports.Bounce::status, BounceReports.Bounce::reason)
			.containsExactly(
					tuple(List.of("a@example.org"), "5.2.1",
							"550 5.2.1 The email account that you tried to reach is disabled"),
					tuple(List.of("b@example.org"), "5.7.1", "5.7.1"));
	}

	@Test
	void aPlainTextBounceFromAMailerDaemonOffersTheAddressesItQuotes() throws Exception {
		String raw = """
				From: Mail Delivery Subsystem <postmaster@mail.example.cn>
				To: bounces@tongban.local
				Subject: 系统退信
				Content-Type: text/plain; charset=UTF-8
				Content-Transfer-Encoding: 8bit

				您发送给 wang.wu@example.cn 的邮件未能送达。
				原因：550 5.1.1 用户不存在 (user not found)
				原邮件发件人：noreply@tongban.local
				""".replace("\n", "\r\n");

		assertThat(BounceReports.read(mail(raw), OWN)).singleElement().satisfies(bounce -> {
			assertThat(bounce.recipients()).as("the platform's own address and the daemon's are not candidates").containsExactly("wang.wu@example.cn");
			assertThat(bounce.status()).isEqualTo("5.1.1");
			assertThat(bounce.reason()).isEqualTo("原因：550 5.1.1 用户不存在 (user not found)");
		});
	}

	@Test
	void anOrdinaryMailQuotingAnAddressIsNoBounce() throws Exception {
		String raw = """
				From: 张三 <zhang@example.org>
				To: bounces@tongban.local
				Subject: 请问如何修改邮箱
				Content-Type: text/plain; charset=UTF-8
				Content-Transfer-Encoding: 8bit

				我的新邮箱是 zhang.new@example.org，旧的 zhang@example.org 不用了。550 块钱的事另说。
				""".replace("\n", "\r\n");

		assertThat(BounceReports.read(mail(raw), OWN)).isEmpty();
	}

	@Test
	void aReasonLosesControlCharactersAndIsKeptShort() {
		assertThat(BounceReports.clean("550\u0000 user\u0007 unknown\r\nsecond line")).isEqualTo("550 user unknown second line");
		assertThat(BounceReports.clean("x".repeat(1000))).hasSize(BounceReports.REASON_LIMIT + 1).endsWith("…");
	}
}
