package tongban.insight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Handling;
import tongban.feedback.CaseRatings;
import tongban.feedback.RatingInput;
import tongban.feedback.RectificationOutcome;
import tongban.feedback.Rectifications;
import tongban.hotline.NewTicket;
import tongban.hotline.Satisfaction;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketId;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.insight.Indicator;
import tongban.insight.Measure;
import tongban.insight.indicators.CountedFacts.Source;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * Issue 18 §1: the 12345 and 好差评 indicators of a small known history made through the real services and events: 3
 * tickets (one satisfied, one reopened by an unsatisfied answer and closed again, one never rated) and 2 ratings (one
 * very satisfied, one dissatisfied and rectified in time); a reopened ticket stops counting as closed; redelivered
 * events add nothing.
 */
class TicketAndRatingIndicatorsIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketDispatch dispatch;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	Applying applying;

	@Autowired
	Handling caseHandling;

	@Autowired
	CaseRatings ratings;

	@Autowired
	Rectifications rectifications;

	@Autowired
	DueFacts due;

	@Autowired
	CountingPass pass;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void ticketsAndRatingsOfAKnownHistory() {
		TicketId satisfied = answered();
		closing.revisit(satisfied, "指标话务员", Satisfaction.SATISFIED, "", true);
		TicketId reopened = answered();
		closing.revisit(reopened, "指标话务员", Satisfaction.UNSATISFIED, "没解决", true);
		// reopened: no longer closed, so it counts nothing
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(counted("TICKET", List.of(reopened.value()))).isEmpty());
		handling.reply(reopened, "XH-ZWFW", "指标办事员", "已再次处理。");
		closing.close(reopened, "指标话务员", "");
		closing.revisit(reopened, "指标话务员", Satisfaction.UNSATISFIED, "仍不满意", true);
		TicketId unrated = answered();
		List<UUID> tickets = List.of(satisfied.value(), reopened.value(), unrated.value());

		// 3 closed, all by their due time; 2 answered, 1 satisfied
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<Measure, Long> sums = counted("TICKET", tickets);
			assertThat(FactCellsTest.value(sums, Indicator.HOTLINE_ON_TIME_RATE)).isEqualTo(1.0);
			assertThat(sums.get(Measure.TICKETS_CLOSED)).isEqualTo(3);
			assertThat(FactCellsTest.value(sums, Indicator.HOTLINE_SATISFACTION)).isEqualTo(0.5);
		});

		UUID good = ratedCase("指标好评", "VERY_SATISFIED", List.of());
		UUID bad = ratedCase("指标差评", "DISSATISFIED", List.of("MULTIPLE_VISITS"));
		var head = new StaffMember(UUID.randomUUID(), "指标人社管理员", "XH-RLSB", "330106", EnumSet.of(Role.DEPT_ADMIN));
		UUID task = jdbc.sql("select id from feedback_rectification where rating_id = ?").param(bad).query(UUID.class).single();
		rectifications.verify(head, task, "属实");
		rectifications.rectify(head, task, RectificationOutcome.RECTIFIED, "已改进");
		List<UUID> mine = List.of(good, bad);
		// 2 ratings, 1 good; 1 bad, rectified in time
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<Measure, Long> sums = counted("RATING", mine);
			assertThat(FactCellsTest.value(sums, Indicator.GOOD_RATE)).isEqualTo(0.5);
			assertThat(sums.get(Measure.RATINGS_BAD)).isEqualTo(1);
			assertThat(FactCellsTest.value(sums, Indicator.BAD_RECTIFIED_RATE)).isEqualTo(1.0);
		});

		Map<Measure, Long> ticketsOnce = counted("TICKET", tickets);
		Map<Measure, Long> ratingsOnce = counted("RATING", mine);
		// redelivered events add nothing: their facts are marked again, as the listeners mark them, and counted by a pass
		due.mark(Source.TICKET, satisfied.value().toString());
		due.mark(Source.RATING, bad.toString());
		pass.run();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(marks(satisfied.value().toString(), bad.toString())).isZero());
		assertThat(counted("TICKET", tickets)).isEqualTo(ticketsOnce);
		assertThat(counted("RATING", mine)).isEqualTo(ratingsOnce);
	}

	@Test
	void aFactThatCannotBeCountedHoldsUpNoOther() {
		TicketId closed = answered();
		String ticket = closed.value().toString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(counted("TICKET", List.of(closed.value())).get(Measure.TICKETS_CLOSED)).isEqualTo(1));
		Map<Measure, Long> once = counted("TICKET", List.of(closed.value()));
		String broken = "not-a-ticket-id";
		try {
			// the broken mark is the oldest, so the batch that takes both fails; the pass then counts them one at a time
			inTransaction(() -> {
				jdbc.sql("insert into insight_due_fact (source, fact_id, due_at) values ('TICKET', ?, clock_timestamp() - interval '1 hour')")
					.param(broken)
					.update();
				due.mark(Source.TICKET, ticket);
			});
			pass.run();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(marks(ticket)).as("the ticket behind it counted").isZero();
				assertThat(jdbc.sql("select attempts from insight_due_fact where fact_id = ? and due_at > clock_timestamp()")
					.param(broken)
					.query(Integer.class)
					.optional()).as("the broken fact waits, its failure counted").hasValueSatisfying(attempts -> assertThat(attempts).isPositive());
			});
			assertThat(counted("TICKET", List.of(closed.value()))).as("counted once").isEqualTo(once);
		}
		finally {
			jdbc.sql("delete from insight_due_fact where fact_id = ?").param(broken).update();
		}
	}

	private void inTransaction(Runnable work) {
		transactions.executeWithoutResult(status -> work.run());
	}

	/** How many of these facts are marked due. */
	private long marks(String... factIds) {
		return jdbc.sql("select count(*) from insight_due_fact where fact_id = any(?)").param(factIds).query(Long.class).single();
	}

	/** A complaint dispatched to 区政务服务中心, answered and closed. */
	private TicketId answered() {
		var submitted = intake.submit(new NewTicket("COMPLAINT", "CS0201", null, "330106", "西湖区学院路 100 号", null, null,
				"小区门口的垃圾已经三天没人清运了。", "王女士", TestPeople.mobile(), null, false, List.of()), TicketSource.operator("指标话务员"));
		assertThat(submitted.problems()).isEmpty();
		TicketId id = submitted.id();
		dispatch.dispatch(id, "指标话务员", "XH-ZWFW", List.of());
		handling.reply(id, "XH-ZWFW", "指标办事员", "已通知环卫公司清运。");
		closing.close(id, "指标话务员", "");
		return id;
	}

	/** A concluded 社会保障卡申领 of a new citizen, rated at this level (a bad rating needs its reasons); the rating's id. */
	private UUID ratedCase(String name, String level, List<String> tags) {
		Citizen citizen = newCitizen(name, 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, citizen);
		caseHandling.accept(id, "指标受理员");
		caseHandling.decide(id, TestCases.approver("指标审批员"), true, null);
		caseHandling.deliver(id, "指标受理员", null);
		return ratings.rateCase(TestCases.actor(citizen), id.value(), new RatingInput(level, Map.of(), tags, null)).id();
	}

	private Map<Measure, Long> counted(String source, List<UUID> facts) {
		return CountedFigures.of(jdbc, source, facts);
	}
}
