package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.internal.SmsCodeLimits;
import tongban.notification.DeliveryStatus;
import tongban.notification.NotificationDeliveries;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestPeople;

/**
 * Issue 24's "done when": a citizen registers on the pages, the code goes over SMPP to the demo SMS centre, whose
 * receipt marks it delivered; the citizen sees 短信已送达 on 我的消息 and the platform admin on the delivery page, both
 * with the number masked and the code hidden.
 */
class RegistrationSmsDeliveredIT extends IntegrationTest {

	@Autowired
	NotificationDeliveries deliveries;

	@Autowired
	SmsCodeLimits limits;

	@Test
	void theRegistrationCodeIsShownDeliveredToTheCitizenAndTheAdmin() {
		// other classes of the suite ask codes from this machine's address too; its ten-minute allowance is theirs
		limits.forgetAddress("127.0.0.1");
		limits.forgetAddress("0:0:0:0:0:0:0:1");
		String mobile = TestPeople.mobile();
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		FormSession citizen = new FormSession(url(""));
		citizen.get("/register");
		assertThat(citizen.post("/register", "name", "钱送达", "idNumber", TestPeople.idNumber(), "mobile", mobile, "password", PASSWORD,
				"passwordConfirm", PASSWORD, "consent", "yes").headers().firstValue("Location").orElse("")).endsWith("/register/verify");
		String code = lastSmsCode(mobile);
		citizen.get("/register/verify");
		assertThat(citizen.post("/register/verify", "code", code).headers().firstValue("Location").orElse("")).endsWith("/account");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveries.toAddress(mobile, 5))
			.as("the code went over SMPP and its receipt came back").singleElement()
			.satisfies(sms -> assertThat(sms.status()).isEqualTo(DeliveryStatus.DELIVERED)));
		assertThat(deliveries.history(deliveries.toAddress(mobile, 5).getFirst().id())).extracting(NotificationDeliveries.StatusChange::status)
			.containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENDING, DeliveryStatus.DELIVERED);

		String messages = citizen.get("/account/messages").body();
		assertThat(messages).contains("短信已送达 ").contains(masked).doesNotContain(code).doesNotContain(mobile);

		People.Staff admin = newStaff("XH-SCJG", Role.PLATFORM_ADMIN, "送达核对员");
		FormSession console = FormSession.staff(url(""), admin);
		console.get("/console/deliveries");
		String found = console.postFrom("/console/deliveries", "/console/deliveries", "address", mobile).body();
		assertThat(found).contains("发往 " + masked + " 的消息").contains("短信已送达 ").doesNotContain(code).doesNotContain(mobile);
	}
}
