package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.Upload;
import tongban.shared.FieldProblem;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * The ticket rules on the running platform's database: each "bad input" refused with its field and nothing saved (not
 * the ticket, not its files); SMS codes expire after wrong tries; time limits by type and urgency in hours or working
 * days; duplicates merged; an unsatisfied revisit sends the ticket back once; publication needs consent and a text
 * without phone or ID numbers; the personal data of a ticket is stored encrypted.
 */
class HotlineIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	Tickets reading;

	@Autowired
	TicketDispatch dispatcher;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	PublicReplies replies;

	@Autowired
	PhoneConfirmation phones;

	@Autowired
	WorkingCalendars calendars;

	static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes();

	static NewTicket ticket(String type, String category, String phone, String code, List<Upload> files) {
		return new NewTicket(type, category, null, "330106", "西湖区学院路 100 号", null, null, "小区门口的垃圾已经三天没人清运了。", "王女士",
				phone, code, false, files);
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	Ticket submitted(NewTicket t) {
		var s = intake.submit(t, TicketSource.operator("测试话务员"));
		assertThat(s.problems()).isEmpty();
		return reading.find(s.id()).orElseThrow();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
		long tickets = count("hotline_ticket"), files = count("hotline_attachment"), events = count("hotline_ticket_event");
		String phone = TestPeople.mobile();

		// anonymous without a confirmed phone
		assertThat(intake.submit(ticket("COMPLAINT", "CS0201", phone, null, List.of()), TicketSource.anonymous()).problems())
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("phoneCode", "hotline.error.phone.unconfirmed"));
		// an unknown category, an unknown type, a bad phone
		assertThat(intake.submit(ticket("GRUMBLE", "XX9999", "12345", null, List.of()), TicketSource.operator("话务员")).problems())
			.extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("type", "categoryCode", "phone");
		// an attachment of the wrong type, one too large, too many
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertThat(intake.submit(ticket("COMPLAINT", "CS0201", phone, null, List.of(new Upload("a.exe", "MZ\u0090".getBytes()),
				new Upload("big.pdf", big))), TicketSource.operator("话务员")).problems())
			.extracting(FieldProblem::code)
			.containsExactly("hotline.error.attachment.type", "hotline.error.attachment.size");
		assertThat(intake.submit(ticket("COMPLAINT", "CS0201", phone, null, Collections.nCopies(6, new Upload("p.pdf", PDF))),
				TicketSource.operator("话务员")).problems())
			.extracting(FieldProblem::code)
			.containsExactly("hotline.error.attachment.count");
		// coordinates out of range or only one of them
		assertThat(intake.submit(new NewTicket("HELP", "CS0101", null, "330106", "", new BigDecimal("91"), new BigDecimal("120"),
				"路面有一个大坑，车辆经过很危险。", "", phone, null, false, List.of()), TicketSource.operator("话务员")).problems())
			.extracting(FieldProblem::field)
			.containsExactly("lat");
		assertThat(count("hotline_ticket")).isEqualTo(tickets);
		assertThat(count("hotline_attachment")).isEqualTo(files);
		assertThat(count("hotline_ticket_event")).isEqualTo(events);
	}

	@Test
	void anSmsCodeConfirmsThePhoneOnceAndFiveWrongTriesUseItUp() {
		String phone = TestPeople.mobile();
		assertThat(phones.sendCode(phone)).isEmpty();
		assertThat(phones.sendCode(phone)).get().extracting(FieldProblem::code).isEqualTo("hotline.error.code.tooSoon");
		String code = lastSmsCode(phone);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThat(intake.submit(ticket("CONSULT", "JY0101", phone, wrong, List.of()), TicketSource.anonymous()).problems())
				.extracting(FieldProblem::code)
				.containsExactly("hotline.error.code.wrong");
		}
		assertThat(intake.submit(ticket("CONSULT", "JY0101", phone, code, List.of()), TicketSource.anonymous()).problems())
			.extracting(FieldProblem::code)
			.containsExactly("hotline.error.code.tooMany");

		String other = TestPeople.mobile();
		phones.sendCode(other);
		String good = lastSmsCode(other);
		var ok = intake.submit(ticket("CONSULT", "JY0101", other, good, List.of(new Upload("photo.pdf", PDF))), TicketSource.anonymous());
		assertThat(ok.problems()).isEmpty();
		assertThat(reading.attachments(ok.id())).hasSize(1);
		// the code is used up
		assertThat(intake.submit(ticket("CONSULT", "JY0101", other, good, List.of()), TicketSource.anonymous()).problems())
			.extracting(FieldProblem::code)
			.containsExactly("hotline.error.phone.unconfirmed");
	}

	@Test
	void timeLimitsFollowUrgencyInHoursAndWorkingDays() {
		Ticket gas = submitted(ticket("HELP", "GY0201", TestPeople.mobile(), null, List.of()));
		assertThat(gas.urgency()).isEqualTo("EMERGENCY");
		assertThat(Duration.between(gas.createdAt(), gas.dispatchDue()).toMinutes()).isEqualTo(60);
		Ticket rubbish = submitted(ticket("COMPLAINT", "CS0201", TestPeople.mobile(), null, List.of()));
		assertThat(Duration.between(rubbish.createdAt(), rubbish.dispatchDue()).toHours()).isEqualTo(24);

		dispatcher.dispatch(rubbish.id(), "话务员", "XH-ZJ", List.of("XH-GA"));
		Ticket d = reading.find(rubbish.id()).orElseThrow();
		LocalDate from = d.dispatchedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate();
		assertThat(d.answerDue().atZoneSameInstant(Clocks.ZONE).toLocalDate()).isEqualTo(calendars.current().addWorkingDays(from, 7));
		assertThat(d.assisting()).containsExactly("XH-GA");

		// complex: 15 working days from dispatch
		handling.markComplex(d.id(), "XH-ZJ", "赵市政", "涉及多个小区物业，需联合核查");
		assertThat(reading.find(d.id()).orElseThrow().answerDue().atZoneSameInstant(Clocks.ZONE).toLocalDate())
			.isEqualTo(calendars.current().addWorkingDays(from, 15));
		// only the lead department acts on it; others are told it does not exist
		assertThatThrownBy(() -> handling.reply(d.id(), "XH-GA", "协办人", "我们来答复吧")).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		handling.assist(d.id(), "XH-GA", "公安协办", "已安排社区民警协助");
		assertThat(reading.history(d.id(), true)).extracting(TicketLogEntry::action).doesNotContain("ASSISTED");
		assertThat(reading.history(d.id(), false)).extracting(TicketLogEntry::action).contains("ASSISTED");
	}

	@Test
	void duplicatesMergeAndAnUnsatisfiedRevisitSendsTheTicketBackOnce() {
		Ticket first = submitted(ticket("COMPLAINT", "CS0201", TestPeople.mobile(), null, List.of()));
		Ticket dup = submitted(ticket("COMPLAINT", "CS0201", TestPeople.mobile(), null, List.of()));
		assertThatThrownBy(() -> dispatcher.merge(dup.id(), dup.number(), "话务员")).isInstanceOf(DomainException.class);
		dispatcher.merge(dup.id(), first.number(), "话务员");
		assertThat(reading.find(dup.id()).orElseThrow().status()).isEqualTo(TicketStatus.MERGED);
		assertThat(reading.find(dup.id()).orElseThrow().open()).isFalse();

		dispatcher.dispatch(first.id(), "话务员", "XH-ZJ", List.of());
		handling.reply(first.id(), "XH-ZJ", "赵市政", "已通知环卫公司清运。");
		assertThatThrownBy(() -> closing.revisit(first.id(), "话务员", Satisfaction.SATISFIED, "", true)).isInstanceOf(DomainException.class);
		closing.close(first.id(), "话务员", "");
		closing.revisit(first.id(), "话务员", Satisfaction.UNSATISFIED, "垃圾仍未清运", true);
		Ticket reopened = reading.find(first.id()).orElseThrow();
		assertThat(reopened.status()).isEqualTo(TicketStatus.DISPATCHED);
		assertThat(reopened.reopened()).isTrue();
		assertThat(reopened.satisfaction()).isNull();
		assertThat(reopened.answerDue()).isAfter(OffsetDateTime.now(Clocks.ZONE));

		handling.reply(first.id(), "XH-ZJ", "赵市政", "已再次清运并加派保洁员每日巡查。");
		closing.close(first.id(), "话务员", "");
		closing.revisit(first.id(), "话务员", Satisfaction.UNSATISFIED, "仍不满意", true);
		Ticket done = reading.find(first.id()).orElseThrow();
		assertThat(done.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(done.satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
		assertThatThrownBy(() -> closing.revisit(first.id(), "话务员", Satisfaction.SATISFIED, "", true)).isInstanceOf(DomainException.class);
		assertThat(reading.history(first.id(), true)).extracting(TicketLogEntry::action)
			.containsSubsequence("SUBMITTED", "DISPATCHED", "REPLIED", "CLOSED", "REVISITED", "REOPENED", "REPLIED", "CLOSED", "REVISITED");
	}

	@Test
	void suggestionsArePublishedOnlyWithConsentAndWithoutNumbers() {
		String phone = TestPeople.mobile();
		NewTicket withConsent = new NewTicket("SUGGESTION", "ZW0102", null, "330106", "", null, null,
				"建议办事大厅增加老年人专用窗口，我的电话 " + phone + " 可联系。", "", phone, null, true, List.of());
		Ticket s = submitted(withConsent);
		Ticket without = submitted(ticket("SUGGESTION", "ZW0102", TestPeople.mobile(), null, List.of()));
		for (Ticket t : List.of(s, without)) {
			dispatcher.dispatch(t.id(), "话务员", "XH-ZWFW", List.of());
			handling.reply(t.id(), "XH-ZWFW", "办事员", "已在一楼设置老年人绿色通道窗口。");
			closing.close(t.id(), "话务员", "");
		}
		assertThatThrownBy(() -> replies.publish(without.id(), "话务员", "老年人窗口", "建议设老年人窗口", "已设置。")).isInstanceOf(DomainException.class);
		assertThat(replies.publish(s.id(), "话务员", "增设老年人窗口", s.description(), "已在一楼设置老年人绿色通道窗口。"))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("question", "hotline.error.publish.personal"));
		String draft = PublicReplies.anonymised(s.description());
		assertThat(draft).doesNotContain(phone).contains("***********");
		assertThat(replies.publish(s.id(), "话务员", "增设老年人窗口", draft, "已在一楼设置老年人绿色通道窗口。")).isEmpty();
		assertThat(replies.latest(100)).anySatisfy(r -> {
			assertThat(r.number()).isEqualTo(s.number());
			assertThat(r.question()).doesNotContain(phone);
			assertThat(r.department()).isEqualTo("杭州市西湖区政务服务中心");
		});
	}

	@Test
	void personalDataOfATicketIsStoredEncrypted() {
		String phone = TestPeople.mobile();
		Ticket t = submitted(ticket("COMPLAINT", "CS0201", phone, null, List.of()));
		var raw = jdbc.sql("select phone, contact_name, address from hotline_ticket where id = ?")
			.param(t.id().value())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(String.join(" ", raw)).doesNotContain(phone).doesNotContain("王女士").doesNotContain("学院路");
		assertThat(t.phone()).isEqualTo(phone);
		assertThat(reading.follow(t.number(), phone)).isPresent();
		assertThat(reading.follow(t.number(), TestPeople.mobile())).isEmpty();
	}
}
