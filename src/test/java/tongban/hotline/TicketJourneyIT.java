package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.Accessibility;
import tongban.support.Browser;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestPeople;

/**
 * A 12345 ticket from end to end in Chromium: an anonymous person submits a complaint (refused without a confirmed
 * phone and with a file that is not a picture, input kept, nothing saved), confirms the phone by SMS and submits; the
 * operator dispatches it to the wrong department, which returns it with a reason; the operator reassigns it to the
 * catalogue's department; the answer limit passes, the ticket is put under supervision and the region's supervisor
 * urges; the department answers (the person gets an SMS); the operator closes and records the revisit; the person
 * follows every step with number and phone, without staff names. A department not on the ticket cannot open it.
 */
class TicketJourneyIT extends JourneyTest {

	@Autowired
	Tickets reading;

	@Autowired
	TicketDispatch dispatcher;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	TicketSupervision supervision;

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	long tickets() {
		return jdbc.sql("select count(*) from hotline_ticket").query(Long.class).single();
	}

	@Test
	void anonymousComplaintIsDispatchedReturnedReassignedSupervisedAnsweredClosedAndRevisited() throws Exception {
		String mobile = TestPeople.mobile();
		Page person = Browser.newContext(390, 844).newPage();
		person.setDefaultTimeout(15_000);
		person.navigate(base() + "/");
		person.getByTestId("hotline-link").click();
		person.getByTestId("hotline-new").click();
		person.locator("#type").selectOption("COMPLAINT");
		person.locator("#categoryCode").selectOption("CS0102");
		person.locator("#regionCode").selectOption("330106");
		person.locator("#address").fill("西湖区文三路与学院路交叉口");
		person.locator("#description").fill("文三路学院路口的路灯已经一周不亮，晚上过马路很危险。");
		person.locator("#phone").fill(mobile);
		long before = tickets();

		// no confirmed phone: refused, nothing saved, what was typed is kept
		person.getByTestId("ticket-submit").click();
		assertThat(person.getByTestId("error-summary").innerText()).contains("请先获取并填写短信验证码");
		assertThat(person.title()).startsWith("错误：");
		assertThat(person.locator("#description").inputValue()).contains("路灯已经一周不亮");
		assertThat(tickets()).isEqualTo(before);
		Accessibility.check(person);

		person.getByTestId("send-code").click();
		assertThat(person.getByTestId("code-sent").innerText()).contains(mobile.substring(0, 3)).doesNotContain(mobile);
		String code = await().atMost(Duration.ofSeconds(20)).until(() -> {
			try {
				return lastSmsCode(mobile);
			}
			catch (RuntimeException | AssertionError e) {
				return null;
			}
		}, c -> c != null);
		person.locator("#phoneCode").fill(code);

		// a file that is not a picture or PDF: refused at the field, the code is not used up
		person.locator("#attachments").setInputFiles(new FilePayload("路灯.txt", "text/plain", "not a picture".getBytes()));
		person.getByTestId("ticket-submit").click();
		assertThat(person.getByTestId("error-summary").innerText()).contains("附件“路灯.txt”不是 PDF、JPG 或 PNG 文件");
		assertThat(tickets()).isEqualTo(before);

		person.locator("#phoneCode").fill(code);
		person.locator("#attachments").setInputFiles(new FilePayload("路灯.png", "image/png", PNG));
		person.getByTestId("ticket-submit").click();
		String number = person.getByTestId("ticket-number").innerText().strip();
		assertThat(number).matches("GD\\d{8}\\d{6,}");
		assertThat(tickets()).isEqualTo(before + 1);
		Ticket ticket = reading.byNumber(number).orElseThrow();
		assertThat(ticket.channel()).isEqualTo("WEB");
		assertThat(ticket.accountId()).isNull();
		assertThat(reading.attachments(ticket.id())).singleElement().satisfies(a -> assertThat(a.contentType()).isEqualTo("image/png"));

		// the operator dispatches it, by mistake, to 市场监管
		Staff operator = newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "林话务");
		Page desk = staffPage(operator);
		desk.navigate(base() + "/workbench");
		desk.getByTestId("hotline-dispatch-link").click();
		desk.locator("[data-testid=dispatch-queue] tr[data-number='" + number + "'] a").click();
		Accessibility.check(desk);
		assertThat(desk.getByTestId("dispatch-suggestion").innerText()).contains("杭州市西湖区住房和城乡建设局");
		assertThat(desk.getByTestId("ticket-phone").innerText()).contains(mobile);
		desk.locator("#lead").selectOption("XH-SCJG");
		desk.getByTestId("dispatch-submit").click();
		assertThat(desk.getByTestId("ticket-status").innerText()).isEqualTo("办理中");

		// 市场监管 returns it with a reason (an empty reason is refused first); it no longer sees the ticket
		Staff market = newStaff("XH-SCJG", Role.APPROVER, "钱市场");
		Page marketDesk = staffPage(market);
		marketDesk.navigate(base() + "/workbench");
		marketDesk.getByTestId("hotline-department-link").click();
		marketDesk.locator("[data-testid=department-tickets] tr[data-number='" + number + "'] a").click();
		assertThat(marketDesk.getByTestId("ticket-phone").innerText()).doesNotContain(mobile);
		marketDesk.getByTestId("return-submit").click();
		assertThat(marketDesk.getByTestId("error-summary").innerText()).contains("请填写理由");
		marketDesk.locator("#return-reason").fill("路灯属市政设施，非本单位职责");
		marketDesk.getByTestId("return-submit").click();
		assertThat(marketDesk.getByTestId("banner").innerText()).contains("已退回派单");
		marketDesk.navigate(base() + "/workbench/hotline/tickets/" + ticket.id());
		assertThat(marketDesk.locator("h1").innerText()).doesNotContain(number);

		// the operator reassigns it to the catalogue's department
		desk.reload();
		assertThat(desk.getByTestId("ticket-status").innerText()).isEqualTo("退回待重派");
		assertThat(desk.getByTestId("ticket-events").innerText()).contains("路灯属市政设施，非本单位职责");
		desk.locator("#lead").selectOption("XH-ZJ");
		desk.getByTestId("dispatch-submit").click();
		assertThat(desk.getByTestId("ticket-lead").innerText()).isEqualTo("杭州市西湖区住房和城乡建设局");
		Ticket dispatched = reading.byNumber(number).orElseThrow();
		assertThat(dispatched.answerDue()).isAfter(dispatched.dispatchedAt().plusDays(6));

		// the answer limit passes: supervision, and the region's supervisor urges
		jdbc.sql("update hotline_ticket set answer_due = now() - interval '1 hour' where id = ?").param(ticket.id().value()).update();
		supervision.superviseOverdue(OffsetDateTime.now(Clocks.ZONE)); // what the minute's job does (it may have been first)
		assertThat(reading.find(ticket.id()).orElseThrow().supervisedAt()).isNotNull();
		Staff supervisor = newStaff("XH-ZWFW", Role.SUPERVISOR, "钱督办");
		Page watch = staffPage(supervisor);
		watch.navigate(base() + "/workbench");
		watch.getByTestId("hotline-overdue-link").click();
		Accessibility.check(watch);
		watch.locator("[data-testid=overdue-tickets] tr[data-number='" + number + "'] a").click();
		assertThat(watch.getByTestId("ticket-supervised").isVisible()).isTrue();
		watch.locator("#urge-note").fill("请于今日内答复诉求人");
		watch.getByTestId("urge-submit").click();
		assertThat(watch.getByTestId("banner").innerText()).contains("督办意见已发出");

		// 住建 answers; the person gets an SMS
		Staff builder = newStaff("XH-ZJ", Role.APPROVER, "赵市政");
		Page works = staffPage(builder);
		works.navigate(base() + "/workbench/hotline/department");
		assertThat(works.locator("[data-testid=department-tickets] tr[data-number='" + number + "']").innerText()).contains("超期").contains("已督办");
		works.locator("[data-testid=department-tickets] tr[data-number='" + number + "'] a").click();
		works.locator("#reply-text").fill("已安排维修人员更换灯具，三盏路灯已于今晚恢复照明。");
		works.getByTestId("reply-submit").click();
		assertThat(works.getByTestId("ticket-status").innerText()).isEqualTo("已答复");
		await().atMost(Duration.ofSeconds(20)).until(() -> lastSms(mobile).contains(number) && lastSms(mobile).contains("已有答复"));

		// the operator closes and records the revisit
		desk.reload();
		desk.getByTestId("close-submit").click();
		assertThat(desk.getByTestId("ticket-status").innerText()).isEqualTo("已办结");
		desk.getByTestId("revisit-submit").click();
		assertThat(desk.getByTestId("error-summary").innerText()).contains("请选择满意度");
		desk.locator("#satisfaction-SATISFIED").check();
		desk.locator("#revisit-note").fill("电话回访，路灯已亮");
		desk.getByTestId("revisit-submit").click();
		assertThat(desk.getByTestId("ticket-satisfaction").innerText()).isEqualTo("满意");

		// the person follows every step with number and phone; a wrong phone finds nothing
		person.navigate(base() + "/hotline/follow");
		person.locator("#number").fill(number);
		person.locator("#phone").fill("13900000000".equals(mobile) ? "13900000001" : "13900000000");
		person.getByTestId("follow-submit").click();
		assertThat(person.getByTestId("error-summary").innerText()).contains("未找到该诉求");
		person.locator("#number").fill(number);
		person.locator("#phone").fill(mobile);
		person.getByTestId("follow-submit").click();
		assertThat(person.getByTestId("ticket-status").innerText()).isEqualTo("已办结");
		String steps = person.getByTestId("ticket-events").innerText();
		assertThat(steps).contains("受理", "派单", "退回", "路灯属市政设施", "重新派单", "超期督办", "督办意见", "答复", "办结", "回访", "满意")
			.contains("杭州市西湖区住房和城乡建设局")
			.doesNotContain("钱市场", "赵市政", "林话务", "钱督办");
		assertThat(person.getByTestId("ticket-reply").innerText()).contains("已于今晚恢复照明");
		Accessibility.check(person);

		// a department not on the ticket does not see it
		Staff other = newStaff("XH-JY", Role.APPROVER, "周教育");
		Page school = staffPage(other);
		school.navigate(base() + "/workbench/hotline/tickets/" + ticket.id());
		assertThat(school.locator("h1").innerText()).doesNotContain(number);
		assertThat(school.content()).doesNotContain("路灯已经一周不亮");
	}

	@Test
	void aSignedInCitizenSubmitsWithoutACodeAndRatesTheirOwnTicketAndAnOperatorRegistersACall() {
		Citizen c = newCitizen("郑秋菊", 2);
		Page own = citizenPage(c);
		own.navigate(base() + "/account");
		own.getByTestId("my-tickets-link").click();
		own.navigate(base() + "/hotline/new");
		assertThat(own.getByTestId("signed-in-note").innerText()).contains("郑秋菊");
		assertThat(own.locator("#phone").count()).isZero();
		own.locator("#type").selectOption("CONSULT");
		own.locator("#categoryCode").selectOption("RS0102");
		own.locator("#description").fill("请问灵活就业人员如何在网上办理养老保险参保？");
		own.getByTestId("ticket-submit").click();
		String number = own.getByTestId("ticket-number").innerText().strip();
		Ticket t = reading.byNumber(number).orElseThrow();
		assertThat(t.accountId()).isEqualTo(c.id());
		assertThat(t.phone()).isEqualTo(c.mobile());

		dispatcher.dispatch(t.id(), "话务员", "XH-RLSB", List.of());
		handling.reply(t.id(), "XH-RLSB", "陈人社", "可登录浙江政务服务网，在“灵活就业人员参保登记”中在线办理。");
		closing.close(t.id(), "话务员", "");
		own.navigate(base() + "/account/tickets");
		own.locator("[data-testid=my-tickets] a", new Page.LocatorOptions().setHasText(number)).click();
		assertThat(own.getByTestId("ticket-reply").innerText()).contains("灵活就业人员参保登记");
		own.getByTestId("rate-submit").click();
		assertThat(own.getByTestId("error-summary").innerText()).contains("请选择满意度");
		own.locator("label[for=satisfaction-BASIC]").click();
		own.getByTestId("rate-submit").click();
		assertThat(own.getByTestId("ticket-satisfaction").innerText()).contains("基本满意");
		Accessibility.check(own);
		assertThat(reading.find(t.id()).orElseThrow().satisfaction()).isEqualTo(Satisfaction.BASIC);

		// someone else's ticket does not exist for this citizen
		Citizen stranger = newCitizen("冯路人", 2);
		Page theirs = citizenPage(stranger);
		theirs.navigate(base() + "/account/tickets/" + number);
		assertThat(theirs.content()).doesNotContain("灵活就业人员");

		// an operator registers a call on one page, a landline allowed, urgency raised by hand
		Staff operator = newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "许话务");
		Page desk = staffPage(operator);
		desk.navigate(base() + "/workbench/hotline");
		desk.getByTestId("intake-link").click();
		desk.getByTestId("ticket-submit").click();
		assertThat(desk.getByTestId("error-summary").innerText()).contains("请选择问题类别").contains("请填写诉求内容").contains("请填写联系电话");
		desk.locator("#type").selectOption("HELP");
		desk.locator("#categoryCode").selectOption("GY0101");
		desk.locator("#urgency").selectOption("EMERGENCY");
		desk.locator("#description").fill("整栋楼突然停水，家中有卧床老人，急需用水。");
		desk.locator("#phone").fill("0571-88886666");
		desk.getByTestId("ticket-submit").click();
		assertThat(desk.getByTestId("banner").innerText()).contains("来电已登记");
		assertThat(desk.getByTestId("ticket-phone").innerText()).contains("0571-88886666");
		Accessibility.check(desk);
	}
}
