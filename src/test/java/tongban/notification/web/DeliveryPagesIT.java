package tongban.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.hotline.NewTicket;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.notification.DeliveryStatus;
import tongban.notification.NotificationDeliveries;
import tongban.notification.NotificationManagement;
import tongban.notification.Regarding;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * Where people see whether a message arrived: staff on a case's task page and a ticket's page, the person on 我的消息,
 * the platform admin on /console/deliveries (figures by day and channel, a search by address that is recorded, bad
 * input answered beside the field), always with the address masked.
 */
class DeliveryPagesIT extends IntegrationTest {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	NotificationDeliveries deliveries;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketDispatch dispatcher;

	private static String masked(String mobile) {
		return mobile.substring(0, 3) + "****" + mobile.substring(7);
	}

	@Test
	void staffSeeTheTextAboutACaseOnItsTaskPage() {
		Citizen c = newCitizen("送达甲", 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, c);
		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.ofCase(id.value()).stream()
			.anyMatch(d -> d.channel().equals("SMS") && d.status() == DeliveryStatus.DELIVERED));
		People.Staff account = newStaff("XH-RLSB", Role.APPROVER, "社保审核员");
		StaffMember member = new StaffMember(account.id(), account.displayName(), "XH-RLSB", null, Set.of(Role.APPROVER));
		String taskId = await().atMost(Duration.ofSeconds(20)).until(() -> approval.inbox(member).stream()
			.filter(t -> t.caseId().equals(id)).map(ApprovalManagement.TaskView::taskId).findFirst().orElse(null), t -> t != null);

		String page = FormSession.staff(url(""), account).get("/workbench/tasks/" + taskId).body();

		assertThat(page).contains("<h2>通知送达</h2>").contains("data-status=\"DELIVERED\" data-channel=\"SMS\"").contains("短信已送达 ")
			.contains(masked(c.mobile())).doesNotContain(c.mobile());
		assertThat(page).as("the history opens without JavaScript").contains("<details class=\"delivery-history\">").contains("等待发送");
	}

	@Test
	void theTicketPageShowsTheReceiptTextToStaffWhoMaySeeTheTicket() {
		String phone = TestPeople.mobile();
		var submitted = intake.submit(new NewTicket("COMPLAINT", "CS0201", null, "330106", "西湖区学院路 100 号", null, null,
				"小区门口的路灯坏了一个星期。", "李女士", phone, null, false, List.of()), TicketSource.operator("测试话务员"));
		dispatcher.dispatch(submitted.id(), "测试话务员", "XH-ZJ", List.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.ofTicket(submitted.id().value()).stream()
			.anyMatch(d -> d.status() == DeliveryStatus.DELIVERED));

		String page = FormSession.staff(url(""), newStaff("XH-ZJ", Role.APPROVER, "住建审批")).get("/workbench/hotline/tickets/" + submitted.id()).body();

		assertThat(page).contains("<h2>通知送达</h2>").contains("短信已送达 ").contains(masked(phone)).contains(submitted.number());
		assertThat(FormSession.staff(url(""), newStaff("XH-RLSB", Role.APPROVER, "人社审批")).get("/workbench/hotline/tickets/" + submitted.id())
			.statusCode()).as("as the ticket page always was: not for another department").isEqualTo(404);
	}

	@Test
	void thePersonSeesTheirTextsOnMyMessagesWithCodesHidden() {
		Citizen c = newCitizen("送达乙", 2);
		notifications.sendSms(c.mobile(), "【通办】您的验证码是 482913，5 分钟内有效。", Regarding.account(c.id()));
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.ofPerson(c.id(), c.mobile(), 10).stream()
			.anyMatch(d -> d.status() == DeliveryStatus.DELIVERED));
		FormSession me = new FormSession(url(""));
		me.signIn(c.idNumber(), PASSWORD);

		String page = me.get("/account/messages").body();

		assertThat(page).contains("短信和邮件送达情况").contains("短信已送达 ").contains(masked(c.mobile())).contains("验证码是 ****")
			.doesNotContain("482913").doesNotContain(c.mobile());
		Citizen other = newCitizen("送达丙", 2);
		FormSession someoneElse = new FormSession(url(""));
		someoneElse.signIn(other.idNumber(), PASSWORD);
		assertThat(someoneElse.get("/account/messages").body()).doesNotContain(masked(c.mobile()));
	}

	@Test
	void theAdminSeesTheDaysAndSearchesAnAddressEachSearchRecorded() {
		String mobile = TestPeople.mobile();
		notifications.sendSms(mobile, "【通办】测试送达查询。");
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.toAddress(mobile, 5).stream().anyMatch(d -> d.status() == DeliveryStatus.DELIVERED));
		People.Staff admin = newStaff("XH-SCJG", Role.PLATFORM_ADMIN, "送达管理员");
		FormSession console = FormSession.staff(url(""), admin);

		String dashboard = console.get("/console/deliveries").body();
		assertThat(dashboard).contains("data-testid=\"delivery-daily\"").contains("data-day=\"" + LocalDate.now(clock.withZone(Clocks.ZONE)) + "\" data-channel=\"SMS\"")
			.contains("id=\"delivery-chart\"");
		assertThat(console.get("/workbench").body()).contains("href=\"/console/deliveries\"");

		long before = searches(admin);
		String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
		String found = console.postFrom("/console/deliveries", "/console/deliveries", "address", spaced).body();
		assertThat(found).contains("发往 " + masked(mobile) + " 的消息").contains("短信已送达 ").contains("测试送达查询")
			.contains("本次查询已记入审计日志").doesNotContain(mobile);
		assertThat(searches(admin)).as("the search is recorded with the searcher").isEqualTo(before + 1);
		assertThat(jdbc.sql("select detail from audit_entry where actor = ? order by id desc limit 1").param("staff:" + admin.id()).query(String.class)
			.single()).contains(masked(mobile)).doesNotContain(mobile);

		FormSession department = FormSession.staff(url(""), newStaff("XH-SCJG", Role.DEPT_ADMIN, "部门管理员"));
		assertThat(department.get("/console/deliveries").statusCode()).as("platform admins only").isEqualTo(403);
	}

	@Test
	void badInputIsAnsweredBesideTheFieldAndNeverSearched() {
		People.Staff admin = newStaff("XH-SCJG", Role.PLATFORM_ADMIN, "送达管理员");
		FormSession console = FormSession.staff(url(""), admin);
		long before = searches(admin);
		for (String typed : List.of("", "abc", "12345678901", "1380013800", "name@", "x".repeat(300) + "@example.org", "138\t0013\u00a08000x")) {
			HttpResponse<String> answer = console.postFrom("/console/deliveries", "/console/deliveries", "address", typed);
			assertThat(answer.statusCode()).as(typed).isEqualTo(200);
			assertThat(answer.body()).as(typed).contains("<title>错误：通知送达情况").contains("data-testid=\"error-summary\"")
				.contains("href=\"#address\"").contains("data-testid=\"address-error\"").contains("请输入 11 位手机号码或电子邮箱地址")
				.doesNotContain("data-testid=\"delivery-results\"");
		}
		HttpResponse<String> nul = console.postFrom("/console/deliveries", "/console/deliveries", "address", "13800138000\u0000");
		assertThat(nul.statusCode()).as("a NUL is refused at the edge, not a 500").isEqualTo(400);
		assertThat(searches(admin)).as("nothing was searched").isEqualTo(before);
	}

	private long searches(People.Staff admin) {
		return jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ' and actor = ? and subject like 'notification-address:%'")
			.param("staff:" + admin.id())
			.query(Long.class)
			.single();
	}
}
