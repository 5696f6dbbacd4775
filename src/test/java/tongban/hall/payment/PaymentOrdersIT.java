package tongban.hall.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseSubmitted;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.Handling;
import tongban.casework.ApplyOnlineJourneyIT;
import tongban.catalog.Capabilities;
import tongban.catalog.Capability;
import tongban.catalog.CatalogManagement;
import tongban.hall.payment.internal.DemoGateway;
import tongban.identity.Actor;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.notification.NotificationManagement;
import tongban.shared.DomainException;
import tongban.shared.Upload;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestCases;

/**
 * 可网上缴费 end to end on the real database and HTTP port: a fee-charging item's case gets an order, the demo gateway's
 * signed callback pays it, tampered callbacks are refused and recorded with the order unchanged, an unpaid case is not
 * granted, and a withdrawal refunds.
 */
class PaymentOrdersIT extends IntegrationTest {

	/** 不动产抵押权首次登记: 即办件, one fee line naming 住宅 80元 and 非住宅 550元. */
	static final String MORTGAGE = "330106-QR-0009-02";

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	Handling handling;

	@Autowired
	PaymentOrders orders;

	@Autowired
	DemoGateway gateway;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Capabilities capabilities;

	@Autowired
	ApprovalManagement approval;

	private final StaffMember registrar = new StaffMember(UUID.randomUUID(), "张登记", "XH-GHZY", null, Set.of(Role.APPROVER));

	private CaseId submitted(Citizen c) {
		Actor a = TestCases.actor(c);
		CaseId id = applying.startDraft(a, MORTGAGE);
		Upload png = new Upload("p.png", ApplyOnlineJourneyIT.PNG);
		var problems = applying.saveDraft(a, id, applying.draft(a, id).lockVersion(), Map.of("applicantName", c.name(), "contactName",
				c.name(), "phone", c.mobile(), "request", "办理住房抵押权首次登记"), Map.of(0, png, 1, png, 2, png, 3, png), Map.of());
		if (!problems.isEmpty() || !applying.submit(a, id, applying.draft(a, id).submitToken()).isEmpty()) {
			throw new AssertionError("could not submit: " + problems);
		}
		return id;
	}

	/** The listener's delegate, as the event registry calls it after the submission commits. */
	private PaymentOrder opened(CaseId id) {
		CaseView v = cases.forStaff(id).orElseThrow();
		return orders.open(new CaseSubmitted(id, v.caseNumber(), v.itemCode(), v.itemVersion(), v.departmentCode(), v.submittedAt().toInstant(),
				v.itemName(), v.promisedDate(), v.applicantAccountId())).orElseThrow();
	}

	private RestClient api() {
		return RestClient.builder().baseUrl(url("")).defaultStatusHandler(x -> true, (req, res) -> { }).build();
	}

	private int post(PaymentCallback callback) {
		return api().post().uri("/api/hall/payments/callback").contentType(MediaType.APPLICATION_JSON).body(callback)
			.retrieve().toBodilessEntity().getStatusCode().value();
	}

	private PaymentOrder withAmount(PaymentOrder o, long fen) {
		return new PaymentOrder(o.id(), o.noticeNumber(), o.caseId(), o.caseNumber(), o.itemCode(), o.itemName(), o.departmentCode(),
				o.accountId(), o.payerName(), o.options(), o.feeLabel(), fen, o.status(), o.gatewayTradeNo(), o.createdAt(), o.paidAt(),
				o.refundedAt());
	}

	@Test
	void aFeeChargingCaseIsPaidOnTheSignedCallbackAndOnlyThenGranted() {
		Citizen c = newCitizen("缴费甲", 2);
		CaseId id = submitted(c);
		PaymentOrder order = opened(id);
		assertThat(order.status()).isEqualTo(PaymentStatus.AWAITING_CHOICE);
		assertThat(NoticeNumbers.wellFormed(order.noticeNumber())).isTrue();
		assertThat(order.noticeNumber()).startsWith("330106");
		assertThat(order.options()).extracting(FeeRules.Option::fen).containsExactly(8000L, 55000L);
		assertThat(opened(id).id()).as("opened once per case").isEqualTo(order.id());

		// the grant waits for the fee: refused, and nothing of the decision is written
		handling.accept(id, registrar.name());
		assertThatThrownBy(() -> handling.decide(id, registrar, true, "准予登记"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("fee-unpaid"));
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.ACCEPTED);

		PaymentOrder chosen = orders.choose(order.id(), 0, c.name());
		assertThat(chosen.status()).isEqualTo(PaymentStatus.UNPAID);
		assertThat(chosen.amountFen()).isEqualTo(8000L);

		// tampered callbacks: refused, recorded, the order unchanged
		PaymentCallback good = gateway.paid(chosen, "2026-12-07T10:00+08:00");
		PaymentCallback forged = new PaymentCallback(good.notificationId(), good.noticeNumber(), good.amountFen(), good.tradeNo(),
				good.paidAt(), "0".repeat(64));
		assertThat(post(forged)).isEqualTo(403);
		assertThat(post(gateway.paid(withAmount(chosen, 1), "2026-12-07T10:00+08:00"))).isEqualTo(422);
		PaymentCallback raised = new PaymentCallback(good.notificationId(), good.noticeNumber(), 1L, good.tradeNo(), good.paidAt(),
				good.signature());
		assertThat(post(raised)).isEqualTo(403);
		assertThat(post(new PaymentCallback("x\u0000y", good.noticeNumber(), 8000L, null, null, null))).as("refused by the input guard").isEqualTo(400);
		assertThat(post(new PaymentCallback("N2", "not-a-notice", -5L, null, null, null))).isEqualTo(422);
		assertThat(orders.order(order.id()).orElseThrow().status()).isEqualTo(PaymentStatus.UNPAID);
		assertThat(orders.refusals(order.noticeNumber())).containsExactly("hall-payment-signature", "hall-payment-amount",
				"hall-payment-signature");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'PAYMENT' and subject = ? and detail like 'CALLBACK_REFUSED%'")
			.param("payment:" + order.noticeNumber()).query(Long.class).single()).isEqualTo(3);

		// the good one pays; the same notification again is a replay
		assertThat(post(good)).isEqualTo(200);
		PaymentOrder paid = orders.order(order.id()).orElseThrow();
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.gatewayTradeNo()).isEqualTo(good.tradeNo());
		assertThat(post(good)).isEqualTo(409);
		assertThat(orders.refusals(order.noticeNumber())).first().isEqualTo("hall-payment-replayed");
		assertThat(orders.order(order.id()).orElseThrow().paidAt()).isEqualTo(paid.paidAt());
		assertThat(notifications.messages(c.id(), 10)).extracting(NotificationManagement.Message::event).contains("HALL_PAYMENT_PAID");

		handling.decide(id, registrar, true, "准予登记");
		handling.deliver(id, registrar.name(), "窗口领取");
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.CONCLUDED);
		assertThat(orders.order(order.id()).orElseThrow().status()).as("a grant keeps the fee").isEqualTo(PaymentStatus.PAID);
	}

	@Test
	void aWithdrawnCaseIsRefundedAndThePersonTold() {
		Citizen c = newCitizen("缴费乙", 2);
		CaseId id = submitted(c);
		PaymentOrder order = orders.choose(opened(id).id(), 1, "窗口周");
		assertThat(order.amountFen()).isEqualTo(55000L);
		assertThat(post(gateway.paid(order, "2026-12-07T10:00+08:00"))).isEqualTo(200);

		applying.withdraw(TestCases.actor(c), id, "不再办理");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> orders.order(order.id()).orElseThrow().status() == PaymentStatus.REFUNDED);
		assertThat(notifications.messages(c.id(), 10)).extracting(NotificationManagement.Message::event).contains("HALL_PAYMENT_REFUNDED");
		// a refunded order is never paid again
		assertThat(post(gateway.paid(order, "2026-12-07T11:00+08:00"))).isEqualTo(409);
	}

	@Test
	void anUnpaidOrderOfAWithdrawnCaseIsCancelled() {
		Citizen c = newCitizen("缴费丙", 2);
		CaseId id = submitted(c);
		PaymentOrder order = opened(id);
		applying.withdraw(TestCases.actor(c), id, "填错了");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> orders.order(order.id()).orElseThrow().status() == PaymentStatus.CANCELLED);
	}

	@Test
	void theBadgeLeadsToTheItemsPaymentPageAndAnItemWithoutFeesHasNone() {
		var guide = catalog.published(MORTGAGE).orElseThrow().guide();
		assertThat(capabilities.offered(guide)).contains(Capability.ONLINE_PAYMENT);
		String page = api().get().uri("/hall/payments/items/" + MORTGAGE).retrieve().body(String.class);
		assertThat(page).contains("住宅").contains("80.00元").contains("550.00元");
		assertThat(api().get().uri("/hall/payments/items/" + TestCases.FOOD_LICENCE).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void theCashierHasNothingToPayBeforeTheAmountIsChosen() {
		Citizen owner = newCitizen("缴费丁", 2);
		PaymentOrder order = opened(submitted(owner));
		assertThat(orders.byNotice(order.noticeNumber())).isPresent();
		assertThat(api().get().uri("/demo-gateway/pay/" + order.noticeNumber()).retrieve().toBodilessEntity().getStatusCode().value())
			.as("nothing to pay before the amount is chosen").isEqualTo(404);
		assertThat(api().get().uri("/demo-gateway/pay/12345").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theApplicantPaysThroughThePagesAndTheDepartmentSeesTheOrder() {
		Citizen c = newCitizen("缴费戊", 2);
		CaseId id = submitted(c);
		PaymentOrder order = opened(id);
		String notice = order.noticeNumber();
		FormSession browser = new FormSession(url(""));
		assertThat(browser.signIn(c.idNumber(), PASSWORD)).endsWith("/account");

		HttpResponse<String> casePage = browser.get("/cases/" + id.value());
		assertThat(casePage.statusCode()).isEqualTo(200);
		assertThat(casePage.body()).contains("data-testid=\"case-fee\"").contains(notice).contains("待选择金额")
			.contains("/account/payments/" + notice);
		assertThat(browser.get("/account/payments").body()).contains("/account/payments/" + notice);

		browser.get("/account/payments/" + notice);
		HttpResponse<String> none = browser.post("/account/payments/" + notice + "/amount");
		assertThat(none.statusCode()).isEqualTo(200);
		assertThat(none.body()).contains("错误：").contains("请选择一项收费标准");
		assertThat(browser.post("/account/payments/" + notice + "/amount", "option", "7").body()).contains("请选择一项收费标准");
		assertThat(browser.post("/account/payments/" + notice + "/amount", "option", "0").statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/payments/" + notice).body()).contains("80.00元").contains("去缴费");
		HttpResponse<String> toCashier = browser.post("/account/payments/" + notice + "/pay");
		assertThat(toCashier.headers().firstValue("Location").orElseThrow()).endsWith("/demo-gateway/pay/" + notice);

		HttpResponse<String> cashier = browser.get("/demo-gateway/pay/" + notice);
		assertThat(cashier.body()).contains("模拟收银台（演示）").contains("这是演示用的模拟收银台：不会真的扣款，没有任何钱款往来").contains("80.00元");
		HttpResponse<String> confirmed = browser.post("/demo-gateway/pay/" + notice);
		assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/account/payments/" + notice + "?paid");
		assertThat(orders.order(order.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(browser.get("/account/payments/" + notice + "?paid").body()).contains("缴费成功");
		assertThat(browser.get("/cases/" + id.value()).body()).contains("已缴费").doesNotContain("case-fee-pay");

		FormSession stranger = new FormSession(url(""));
		Citizen other = newCitizen("缴费己", 2);
		stranger.signIn(other.idNumber(), PASSWORD);
		assertThat(stranger.get("/account/payments/" + notice).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/account/payments").body()).doesNotContain(notice);

		FormSession registry = FormSession.staff(url(""), newStaff("XH-GHZY", Role.APPROVER, "登记审核员"));
		assertThat(registry.get("/workbench/hall/payments").body()).contains(notice).contains("缴费戊");
		FormSession elsewhere = FormSession.staff(url(""), newStaff("XH-RLSB", Role.APPROVER, "社保审核员"));
		assertThat(elsewhere.get("/workbench/hall/payments").body()).doesNotContain(notice);
		assertThat(elsewhere.post("/workbench/hall/payments/" + notice + "/amount", "option", "0").statusCode()).isEqualTo(404);
	}

	@Test
	void theRegistrarSeesTheFeeOnTheTaskAndCannotGrantBeforePayment() {
		Citizen c = newCitizen("缴费庚", 2);
		CaseId id = submitted(c);
		PaymentOrder order = opened(id);
		People.Staff account = newStaff("XH-GHZY", Role.APPROVER, "登记窗口");
		StaffMember member = new StaffMember(account.id(), account.displayName(), "XH-GHZY", null, Set.of(Role.APPROVER));
		String taskId = await().atMost(Duration.ofSeconds(20)).until(() -> approval.inbox(member).stream()
			.filter(t -> t.caseId().equals(id)).map(ApprovalManagement.TaskView::taskId).findFirst().orElse(null), t -> t != null);
		FormSession registry = FormSession.staff(url(""), account);
		String task = "/workbench/tasks/" + taskId;
		assertThat(registry.get(task).body()).contains("data-testid=\"case-fee\"").contains(order.noticeNumber()).contains("待选择金额");
		HttpResponse<String> refused = registry.post(task, "decision", "approve", "opinion", "准予登记");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("申请人还没有缴费");
		assertThat(cases.forStaff(id).orElseThrow().status()).as("the acceptance rolled back with the refused grant").isEqualTo(CaseStatus.SUBMITTED);
	}
}
