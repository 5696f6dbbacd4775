package tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.notification.BouncedAddresses;
import tongban.notification.DeliveryStatus;
import tongban.notification.NotificationDeliveries;
import tongban.notification.NotificationManagement;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.Mail;

/**
 * A real e-mail goes out through the platform (SMTP, GreenMail), its bounce arrives in a bounce mailbox served over IMAP
 * (a second GreenMail), and one run of the job fails that e-mail with the server's reason and marks the address, which
 * the person's 个人中心 and the admin's search then show; a mail that is no bounce changes nothing, one that cannot be
 * parsed does not stop the run, and nothing is read twice.
 */
class BounceMailboxIT extends IntegrationTest {

	private static final String MAILBOX = "bounces@tongban.local";

	private GreenMail imap;
	private GreenMailUser bounces;

	@Autowired
	BounceMailbox mailbox;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	NotificationDeliveries deliveries;

	@Autowired
	BouncedAddresses bounced;

	@Autowired
	IdentityManagement identity;

	@BeforeAll
	void startMailbox() {
		imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
		imap.start();
		bounces = imap.setUser(MAILBOX, "bounces", "mailbox-secret");
	}

	@AfterAll
	void stopMailbox() {
		imap.stop();
	}

	private BounceMailbox.Settings settings() {
		return new BounceMailbox.Settings("127.0.0.1", imap.getImap().getPort(), "bounces", "mailbox-secret", "INBOX", false);
	}

	private void arrives(String raw) throws Exception {
		bounces.deliver(new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void aBounceFailsTheEmailAndMarksTheAddressOthersAreLeftAndNothingIsReadTwice() throws Exception {
		Citizen person = newCitizen("退信甲", 2);
		String tag = Long.toString(System.nanoTime());
		String email = "bounce-" + tag + "@example.org";
		assertThat(identity.changeEmail(person.id(), email)).isTrue();
		NotificationManagement.Recipient to = identity.contact(person.id()).orElseThrow().recipient();
		notifications.notify(to, "CASE_SUBMITTED", Map.of("itemName", "测试事项", "caseNumber", "B" + tag), null);
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !Mail.to(email).isEmpty());
		long sent = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emailTo(person, email), found -> found != null
				&& found.status() == DeliveryStatus.SENT).id();
		assertThat(bounced.of(email)).isEmpty();

		// first a mail that cannot be parsed, then one that is no bounce, then the bounce: the run gets through all three
		arrives("""
				From: MAILER-DAEMON@mx.example.org
				To: bounces@tongban.local
				Subject: Undelivered Mail Returned to Sender
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="NEVER-THERE"

				no parts here at all
				""");
		arrives("""
				From: 市民 <someone@example.net>
				To: bounces@tongban.local
				Subject: 咨询
				Content-Type: text/plain; charset=UTF-8

				请问 %s 这个邮箱能收到通知吗？
				""".formatted(email));
		arrives(BounceReportsTest.dsn(email, "failed", "5.1.1", "550 5.1.1 <" + email + ">: Recipient address rejected: User unknown")
			.replace("\r\n", "\n"));

		BounceMailbox.Run run = mailbox.read(settings());

		assertThat(run.read()).isEqualTo(3);
		assertThat(run.failed()).isEqualTo(1);
		NotificationDeliveries.Delivery failed = emailTo(person, email);
		assertThat(failed.id()).isEqualTo(sent);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.detail()).startsWith("退信 5.1.1：550 5.1.1 <b***@example.org>").contains("User unknown").doesNotContain(email);
		assertThat(deliveries.history(sent)).extracting(NotificationDeliveries.StatusChange::status)
			.containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENT, DeliveryStatus.FAILED);
		assertThat(bounced.of(email)).hasValueSatisfying(bounce -> {
			assertThat(bounce.status()).isEqualTo("5.1.1");
			assertThat(bounce.bounces()).isEqualTo(1);
		});
		assertThat(bounced.of(email.toUpperCase())).as("found whatever the case of the address").isPresent();
		assertThat(run.unreadable()).as("the mail without its parts").isEqualTo(1);
		assertThat(mailbox.read(settings()).read()).as("nothing is read twice").isZero();

		FormSession me = new FormSession(url(""));
		me.signIn(person.idNumber(), PASSWORD);
		assertThat(me.get("/account").body()).contains("data-testid=\"email-bounced\"").contains("您的邮箱退信，请检查");
		FormSession admin = FormSession.staff(url(""), newStaff("XH-SCJG", Role.PLATFORM_ADMIN, "送达管理员"));
		String found = admin.postFrom("/console/deliveries", "/console/deliveries", "address", email).body();
		assertThat(found).contains("data-testid=\"address-bounced\"").contains("邮件发送失败：退信 5.1.1").doesNotContain(email);
	}

	private NotificationDeliveries.Delivery emailTo(Citizen person, String email) {
		return deliveries.ofPerson(person.id(), person.mobile(), 10).stream().filter(d -> d.channel().equals("EMAIL")).findFirst().orElse(null);
	}
}
