package tongban.insight.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.approval.ApprovalManagement;
import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseClock;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.casework.Handling;
import tongban.casework.RefusalReason;
import tongban.feedback.CaseRatings;
import tongban.feedback.Concluded;
import tongban.feedback.RatingInput;
import tongban.hotline.NewTicket;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.insight.InvalidInsightInput;
import tongban.insight.SupervisionOrder;
import tongban.insight.SupervisionOrders;
import tongban.insight.supervision.internal.SupervisionRules;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Upload;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * Each rule raises exactly one 督办单 with its card for its subject, and running the pass again raises none; an order's
 * lifecycle is open only to the department's admin and the region's supervisor, and every step is audited.
 */
class SupervisionRulesIT extends IntegrationTest {

	@Autowired
	SupervisionRules rules;

	@Autowired
	SupervisionOrders orders;

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	Cases cases;

	@Autowired
	CaseRatings ratings;

	@Autowired
	CaseClock clock;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketDispatch dispatch;

	static final StaffMember SUPERVISOR = new StaffMember(UUID.randomUUID(), "规则监察", "XH-ZWFW", "330106", Set.of(Role.SUPERVISOR));

	CaseId acceptedCase(String name) {
		CaseId id = TestCases.submittedSocialSecurityCard(applying, newCitizen(name, 2));
		handling.accept(id, "受理员");
		return id;
	}

	void promise(CaseId id, LocalDate promised) {
		jdbc.sql("update casework_case set promised_date = ? where id = ?").params(promised, id.value()).update();
	}

	List<SupervisionOrder> ordersAbout(String subjectKey) {
		List<UUID> ids = jdbc.sql("select id from insight_order_sheet where subject_key = ?").param(subjectKey).query(UUID.class).list();
		return orders.visible(SUPERVISOR, null, null).stream().filter(o -> ids.contains(o.id())).toList();
	}

	@Test
	void eachRuleRaisesOneOrderWithItsCardAndAPassTwiceRaisesNone() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		CaseId red = acceptedCase("规则红灯");
		promise(red, today.minusDays(20));
		CaseId yellow = acceptedCase("规则黄灯");
		promise(yellow, calendars.current().addWorkingDays(today, 1));
		CaseId stopped = acceptedCase("规则中止");
		promise(stopped, today.plusDays(60));
		clock.startSpecialProcedure(stopped, "审批员", "专家评审", "组织专家论证");
		jdbc.sql("update casework_pause set started_on = ? where case_id = ?").params(today.minusDays(60), stopped.value()).update();
		var ticket = intake.submit(new NewTicket("COMPLAINT", "CS0202", null, "330106", "西湖区文三路 1 号", null, null, "夜间施工噪声扰民，已持续一周。",
				"李先生", TestPeople.mobile(), null, false, List.of()), TicketSource.operator("规则话务员"));
		dispatch.dispatch(ticket.id(), "规则话务员", "XH-ZJ", List.of());
		jdbc.sql("update hotline_ticket set answer_due = now() - interval '2 days' where id = ?").param(ticket.id().value()).update();

		assertThat(rules.pass()).isGreaterThanOrEqualTo(4);

		assertThat(ordersAbout(red.toString())).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.CLOCK_RED);
			assertThat(o.card()).isEqualTo(SupervisionOrder.Card.RED);
			assertThat(o.departmentCode()).isEqualTo("XH-RLSB");
			assertThat(o.status()).isEqualTo(SupervisionOrder.Status.ISSUED);
			assertThat(o.due()).isEqualTo(calendars.current().addWorkingDays(today, 3));
		});
		assertThat(ordersAbout(yellow.toString())).singleElement()
			.satisfies(o -> assertThat(o.card()).isEqualTo(SupervisionOrder.Card.YELLOW))
			.satisfies(o -> assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.CLOCK_YELLOW));
		assertThat(ordersAbout(stopped + ":" + today.minusDays(60))).singleElement()
			.satisfies(o -> assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.CLOCK_STOPPED));
		assertThat(ordersAbout(ticket.id().toString())).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.TICKET_OVERDUE);
			assertThat(o.departmentCode()).isEqualTo("XH-ZJ");
		});

		assertThat(rules.pass()).as("a second pass owes nothing").isZero();
		assertThat(ordersAbout(red.toString())).hasSize(1);
		assertThat(jdbc.sql("select count(*) from insight_card where order_id = ?").param(ordersAbout(red.toString()).get(0).id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBadRatingNotRectifiedInTimeRaisesOneRedOrder() {
		Citizen citizen = newCitizen("规则差评", 2);
		UUID caseId = Concluded.socialSecurityCard(applying, cases, approval, citizen);
		var rating = ratings.rateCase(TestCases.actor(citizen), caseId, new RatingInput("VERY_DISSATISFIED", Map.of(), List.of("ATTITUDE"), "态度很差"));
		UUID task = jdbc.sql("select id from feedback_rectification where rating_id = ?").param(rating.id()).query(UUID.class).single();
		rules.pass();
		assertThat(ordersAbout(task.toString())).as("within its limit").isEmpty();
		jdbc.sql("update feedback_rectification set verify_due = current_date - 3, rectify_due = current_date - 1 where id = ?").param(task).update();
		rules.pass();
		rules.pass();
		assertThat(ordersAbout(task.toString())).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.RECTIFICATION_OVERDUE);
			assertThat(o.card()).isEqualTo(SupervisionOrder.Card.RED);
			assertThat(o.departmentCode()).isEqualTo(Concluded.DEPARTMENT);
		});
	}

	@Test
	void aSecondSupplementRoundRaisesOneOrder() {
		var citizen = newCitizen("规则补正", 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, citizen);
		handling.requestSupplements(id, "受理员", Map.of(1, "照片模糊"));
		Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> ordersAbout(id.toString()).isEmpty());
		assertThat(applying.resubmit(TestCases.actor(citizen), id, Map.of(1, new Upload("p2.png", ApplyOnlineJourneyIT.PNG)))).isEmpty();
		handling.requestSupplements(id, "受理员", Map.of(1, "照片仍不清晰"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ordersAbout(id.toString()).isEmpty());
		assertThat(ordersAbout(id.toString())).singleElement()
			.satisfies(o -> assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.SUPPLEMENT_REPEATED))
			.satisfies(o -> assertThat(o.subject()).contains("第 2 次"));
	}

	@Test
	void aRefusalWithoutAReasonCodeRaisesOneOrder() {
		CaseId bare = TestCases.submittedSocialSecurityCard(applying, newCitizen("规则不受理", 2));
		CaseId coded = TestCases.submittedSocialSecurityCard(applying, newCitizen("规则有代码", 2));
		handling.refuse(bare, "受理员", "材料不符合要求");
		// the code chosen on the task's form reaches the refusal through approval
		StaffMember approver = TestCases.approver("规则受理员");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> approval.inbox(approver).stream().anyMatch(t -> t.caseId().equals(coded)));
		String task = approval.inbox(approver).stream().filter(t -> t.caseId().equals(coded)).findFirst().orElseThrow().taskId();
		approval.complete(approver, task, ApprovalManagement.Decision.of("refuse", "请向市级部门申请", Map.of()).refusedOn(RefusalReason.NOT_COMPETENT.name()));
		assertThat(cases.forStaff(coded).orElseThrow().events()).anySatisfy(e -> assertThat(e.note()).contains("不属于本行政机关职权范围"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ordersAbout(bare.toString()).isEmpty());
		assertThat(ordersAbout(bare.toString())).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo(SupervisionOrder.Rule.REFUSAL_WITHOUT_CODE);
			assertThat(o.card()).isEqualTo(SupervisionOrder.Card.YELLOW);
		});
		Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> ordersAbout(coded.toString()).isEmpty());
	}

	@Test
	void anEscalatedOrderIsTheCitysToClose() {
		StaffMember admin = new StaffMember(UUID.randomUUID(), "提级局长", "XH-RLSB", "330106", Set.of(Role.DEPT_ADMIN));
		StaffMember city = new StaffMember(UUID.randomUUID(), "市级监察", "HZ-JC", "330100", Set.of(Role.SUPERVISOR));
		var order = orders.issue(SUPERVISOR, new SupervisionOrders.NewOrder("连续三个月超期件数居首", "XH-RLSB", 3, null));
		orders.answer(admin, order.id(), "正在梳理原因。");
		orders.escalate(SUPERVISOR, order.id(), "区级督办未见成效，提请市级督办");
		var escalated = orders.find(city, order.id());
		assertThat(escalated.status()).isEqualTo(SupervisionOrder.Status.ESCALATED);
		assertThat(escalated.escalatedTo()).isEqualTo("330100");
		assertThatThrownBy(() -> orders.close(SUPERVISOR, order.id(), "区级办结")).as("the district no longer decides")
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
		orders.close(city, order.id(), "市级约谈后办结");
		assertThat(orders.find(SUPERVISOR, order.id()).status()).isEqualTo(SupervisionOrder.Status.CLOSED);
	}

	@Test
	void anOrderIsAnsweredByItsDepartmentAndDecidedByTheRegionsSupervisor() {
		StaffMember admin = new StaffMember(UUID.randomUUID(), "规则局长", "XH-RLSB", "330106", Set.of(Role.DEPT_ADMIN));
		StaffMember otherAdmin = new StaffMember(UUID.randomUUID(), "他局局长", "XH-ZJ", "330106", Set.of(Role.DEPT_ADMIN));
		StaffMember otherRegion = new StaffMember(UUID.randomUUID(), "外区监察", "XH-ZWFW", "330102", Set.of(Role.SUPERVISOR));
		var order = orders.issue(SUPERVISOR, new SupervisionOrders.NewOrder("窗口排队时间过长", "XH-RLSB", 2, null));
		assertThat(order.rule()).isEqualTo(SupervisionOrder.Rule.MANUAL);
		assertThat(order.card()).isNull();
		assertThat(order.number()).matches("DB\\d{4}\\d{6}");

		for (StaffMember stranger : List.of(otherAdmin, otherRegion)) {
			assertThatThrownBy(() -> orders.find(stranger, order.id())).as(stranger.name())
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
		}
		assertThatThrownBy(() -> orders.answer(otherAdmin, order.id(), "已整改")).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> orders.escalate(SUPERVISOR, order.id(), "提级")).as("not late yet")
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("supervision-order-not-late"));
		assertThatThrownBy(() -> orders.answer(admin, order.id(), " ")).isInstanceOf(InvalidInsightInput.class);

		orders.answer(admin, order.id(), "增开两个窗口，高峰期弹性排班。");
		assertThatThrownBy(() -> orders.answer(admin, order.id(), "再答一次")).as("answered once")
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
		orders.sendBack(SUPERVISOR, order.id(), "请说明完成时间");
		orders.answer(admin, order.id(), "增开两个窗口，本周五前完成。");
		orders.close(SUPERVISOR, order.id(), "措施可行，予以办结");
		var closed = orders.find(admin, order.id());
		assertThat(closed.status()).isEqualTo(SupervisionOrder.Status.CLOSED);
		assertThat(closed.answer()).contains("本周五");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'SUPERVISION' and subject = ?").param("order:" + order.number())
			.query(Long.class).single()).as("issued, answered, sent back, answered, closed").isEqualTo(5);

		assertThatThrownBy(() -> orders.issue(SUPERVISOR, new SupervisionOrders.NewOrder("", "XH-NOPE", 99, "x".repeat(41))))
			.isInstanceOfSatisfying(InvalidInsightInput.class, e -> assertThat(e.problems())
				.containsOnlyKeys("subject", "departmentCode", "days", "reference"));
	}
}
