package tongban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.support.IntegrationTest;

/**
 * Notices of one case that fall within the SMS window (3 s in tests) reach the person as one text message: accepted,
 * approved and concluded in one transaction and the rating invitation in the next give one SMS naming all four. Another
 * case's notice, and a notice about no case, still go on their own; in-app messages stay one per event.
 */
class SmsCoalescingIT extends IntegrationTest {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void noticesOfOneCaseWithinTheWindowAreOneSms() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String tag = Long.toString(System.nanoTime());
		var me = new NotificationManagement.Recipient(UUID.randomUUID(), "合并", "137" + tag.substring(tag.length() - 8), null);
		UUID one = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		Map<String, String> vars = Map.of("itemName", "社会保障卡挂失与补领", "caseNumber", "A" + tag, "promisedDate", "2026-12-07",
				"acceptanceNo", "XH-受-1", "days", "15");
		tx.executeWithoutResult(s -> {
			notifications.notify(me, "CASE_ACCEPTED", vars, null, one);
			notifications.notify(me, "CASE_APPROVED", vars, null, one);
			notifications.notify(me, "CASE_CONCLUDED", vars, null, one);
		});
		tx.executeWithoutResult(s -> notifications.notify(me, "RATING_INVITED", vars, null, one));
		tx.executeWithoutResult(s -> notifications.notify(me, "CASE_SUBMITTED", Map.of("itemName", "另一事项", "caseNumber", "B" + tag,
				"promisedDate", "2026-12-08"), null, other));
		tx.executeWithoutResult(s -> notifications.notify(me, "LICENCE_EXPIRING", Map.of("licenceName", "测试证", "number", "C" + tag,
				"validTo", "2027-01-01"), null));

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from notification_delivery where status = 'CREATED' and (account_id = ? "
				+ "or body like ?)").params(me.accountId(), "%C" + tag + "%").query(Long.class).single() == 0 && texts(me).size() == 3);
		List<String> texts = texts(me);
		assertThat(texts).filteredOn(t -> t.contains("A" + tag)).singleElement().satisfies(t -> {
			assertThat(t).startsWith("【通办】").contains("已受理").contains("已准予").contains("已办结").contains("欢迎登录通办对本次服务作出评价");
			assertThat(t.split("【通办】", -1)).as("the sign once").hasSize(2);
		});
		assertThat(texts).filteredOn(t -> t.contains("B" + tag)).singleElement().asString().doesNotContain("A" + tag);
		assertThat(texts).filteredOn(t -> t.contains("C" + tag)).hasSize(1);
		assertThat(notifications.messages(me.accountId(), 10)).as("in-app: one per event").hasSize(6);
	}

	private List<String> texts(NotificationManagement.Recipient r) {
		return jdbc.sql("select text from notification_sms_outbox where mobile_index = ? order by id").param(keys.blindIndex(r.mobile()))
			.query(String.class).list();
	}
}
