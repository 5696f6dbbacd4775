package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.HotlineManagement.NewTicket;
import tongban.hotline.HotlineManagement.Problem;
import tongban.hotline.HotlineManagement.Source;
import tongban.hotline.HotlineManagement.Ticket;
import tongban.hotline.HotlineManagement.Upload;
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
	HotlineManagement hotline;

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
		var s = hotline.submit(t, Source.operator("测试话务员"));
		assertThat(s.problems()).isEmpty();
		return hotline.find(s.id()).orElseThrow();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
		long tickets = count("hotline_ticket"), files = count("hotline_attachment"), events = count("hotline_ticket_event");
		String phone = TestPeople.mobile();

		// anonymous without a confirmed phone
		assertThat(hotline.submit(ticket("COMPLAINT", "CS0201", phone, null, List.of()), Source.anonymous()).problems())
			.extracting(Problem::field, Problem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("phoneCode", "hotline.error.phone.unconfirmed"));
		// an unknown category, an unknown type, a bad phone
		assertThat(hotline.submit(ticket("GRUMBLE", "XX9999", "12345", null, List.of()), Source.operator("话务员")).problems())
			.extracting(Problem::field)
			.containsExactlyInAnyOrder("type", "categoryCode", "phone");
		// an attachment of the wrong type, one too large, too many
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertThat(hotline.submit(ticket("COMPLAINT", "CS0201", phone, null, List.of(new Upload("a.exe", "MZ\u0090".getBytes()),
				new Upload("big.pdf", big))), Source.operator("话务员")).problems())
			.extracting(Problem::code)
			.containsExactly("hotline.error.attachment.type", "hotline.error.attachment.size");
		assertThat(hotline.submit(ticket("COMPLAINT", "CS0201", phone, null, java.util.Collections.nCopies(6, new Upload("p.pdf", PDF))),
				Source.operator("话务员")).problems())
			.extracting(Problem::code)
			.containsExactly("hotline.error.attachment.count");
		// coordinates out of range or only one of them
		assertThat(hotline.submit(new NewTicket("HELP", "CS0101", null, "330106", "", new java.math.BigDecimal("91"), new java.math.BigDecimal("120"),
				"路面有一个大坑，车辆经过很危险。", "", phone, null, false, List.of()), Source.operator("话务员")).problems())
			.extracting(Problem::field)
			.containsExactly("lat");
		assertThat(count("hotline_ticket")).isEqualTo(tickets);
		assertThat(count("hotline_attachment")).isEqualTo(files);
		assertThat(count("hotline_ticket_event")).isEqualTo(events);
	}

	@Test
	void anSmsCodeConfirmsThePhoneOnceAndFiveWrongTriesUseItUp() {
		String phone = TestPeople.mobile();
		assertThat(hotline.sendPhoneCode(phone)).isEmpty();
		assertThat(hotline.sendPhoneCode(phone)).get().extracting(Problem::code).isEqualTo("hotline.error.code.tooSoon");
		String code = lastSmsCode(phone);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThat(hotline.submit(ticket("CONSULT", "JY0101", phone, wrong, List.of()), Source.anonymous()).problems())
				.extracting(Problem::code)
				.containsExactly("hotline.error.code.wrong");
		}
		assertThat(hotline.submit(ticket("CONSULT", "JY0101", phone, code, List.of()), Source.anonymous()).problems())
			.extracting(Problem::code)
			.containsExactly("hotline.error.code.tooMany");

		String other = TestPeople.mobile();
		hotline.sendPhoneCode(other);
		String good = lastSmsCode(other);
		var ok = hotline.submit(ticket("CONSULT", "JY0101", other, good, List.of(new Upload("photo.pdf", PDF))), Source.anonymous());
		assertThat(ok.problems()).isEmpty();
		assertThat(hotline.attachments(ok.id())).hasSize(1);
		// the code is used up
		assertThat(hotline.submit(ticket("CONSULT", "JY0101", other, good, List.of()), Source.anonymous()).problems())
			.extracting(Problem::code)
			.containsExactly("hotline.error.phone.unconfirmed");
	}

	@Test
	void timeLimitsFollowUrgencyInHoursAndWorkingDays() {
		Ticket gas = submitted(ticket("HELP", "GY0201", TestPeople.mobile(), null, List.of()));
		assertThat(gas.urgency()).isEqualTo("EMERGENCY");
		assertThat(java.time.Duration.between(gas.createdAt(), gas.dispatchDue()).toMinutes()).isEqualTo(60);
		Ticket rubbish = submitted(ticket("COMPLAINT", "CS0201", TestPeople.mobile(), null, List.of()));
		assertThat(java.time.Duration.between(rubbish.createdAt(), rubbish.dispatchDue()).toHours()).isEqualTo(24);

		hotline.dispatch(rubbish.id(), "话务员", "XH-ZJ", List.of("XH-GA"));
		Ticket d = hotline.find(rubbish.id()).orElseThrow();
		LocalDate from = d.dispatchedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate();
		assertThat(d.answerDue().atZoneSameInstant(Clocks.ZONE).toLocalDate()).isEqualTo(calendars.current().addWorkingDays(from, 7));
		assertThat(d.assisting()).containsExactly("XH-GA");

		// complex: 15 working days from dispatch
		hotline.markComplex(d.id(), "XH-ZJ", "赵市政", "涉及多个小区物业，需联合核查");
		assertThat(hotline.find(d.id()).orElseThrow().answerDue().atZoneSameInstant(Clocks.ZONE).toLocalDate())
			.isEqualTo(calendars.current().addWorkingDays(from, 15));
		// only the lead department acts on it; others are told it does not exist
		assertThatThrownBy(() -> hotline.reply(d.id(), "XH-GA", "协办人", "我们来答复吧")).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		hotline.assist(d.id(), "XH-GA", "公安协办", "已安排社区民警协助");
		assertThat(hotline.events(d.id(), true)).extracting(HotlineManagement.Event::action).doesNotContain("ASSISTED");
		assertThat(hotline.events(d.id(), false)).extracting(HotlineManagement.Event::action).contains("ASSISTED");
	}

	@Test
	void duplicatesMergeAndAnUnsatisfiedRevisitSendsTheTicketBackOnce() {
		Ticket first = submitted(ticket("COMPLAINT", "CS0201", TestPeople.mobile(), null, List.of()));
		Ticket dup = submitted(ticket("COMPLAINT", "CS0201", TestPeople.mobile(), null, List.of()));
		assertThatThrownBy(() -> hotline.merge(dup.id(), dup.number(), "话务员")).isInstanceOf(DomainException.class);
		hotline.merge(dup.id(), first.number(), "话务员");
		assertThat(hotline.find(dup.id()).orElseThrow().status()).isEqualTo("MERGED");
		assertThat(hotline.find(dup.id()).orElseThrow().open()).isFalse();

		hotline.dispatch(first.id(), "话务员", "XH-ZJ", List.of());
		hotline.reply(first.id(), "XH-ZJ", "赵市政", "已通知环卫公司清运。");
		assertThatThrownBy(() -> hotline.revisit(first.id(), "话务员", "SATISFIED", "", true)).isInstanceOf(DomainException.class);
		hotline.close(first.id(), "话务员", "");
		hotline.revisit(first.id(), "话务员", "UNSATISFIED", "垃圾仍未清运", true);
		Ticket reopened = hotline.find(first.id()).orElseThrow();
		assertThat(reopened.status()).isEqualTo("DISPATCHED");
		assertThat(reopened.reopened()).isTrue();
		assertThat(reopened.satisfaction()).isNull();
		assertThat(reopened.answerDue()).isAfter(OffsetDateTime.now(Clocks.ZONE));

		hotline.reply(first.id(), "XH-ZJ", "赵市政", "已再次清运并加派保洁员每日巡查。");
		hotline.close(first.id(), "话务员", "");
		hotline.revisit(first.id(), "话务员", "UNSATISFIED", "仍不满意", true);
		Ticket done = hotline.find(first.id()).orElseThrow();
		assertThat(done.status()).isEqualTo("CLOSED");
		assertThat(done.satisfaction()).isEqualTo("UNSATISFIED");
		assertThatThrownBy(() -> hotline.revisit(first.id(), "话务员", "SATISFIED", "", true)).isInstanceOf(DomainException.class);
		assertThat(hotline.events(first.id(), true)).extracting(HotlineManagement.Event::action)
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
			hotline.dispatch(t.id(), "话务员", "XH-ZWFW", List.of());
			hotline.reply(t.id(), "XH-ZWFW", "办事员", "已在一楼设置老年人绿色通道窗口。");
			hotline.close(t.id(), "话务员", "");
		}
		assertThatThrownBy(() -> hotline.publish(without.id(), "话务员", "老年人窗口", "建议设老年人窗口", "已设置。")).isInstanceOf(DomainException.class);
		assertThat(hotline.publish(s.id(), "话务员", "增设老年人窗口", s.description(), "已在一楼设置老年人绿色通道窗口。"))
			.extracting(Problem::field, Problem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("question", "hotline.error.publish.personal"));
		String draft = HotlineManagement.anonymised(s.description());
		assertThat(draft).doesNotContain(phone).contains("***********");
		assertThat(hotline.publish(s.id(), "话务员", "增设老年人窗口", draft, "已在一楼设置老年人绿色通道窗口。")).isEmpty();
		assertThat(hotline.publicReplies(100)).anySatisfy(r -> {
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
			.param(t.id())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(String.join(" ", raw)).doesNotContain(phone).doesNotContain("王女士").doesNotContain("学院路");
		assertThat(t.phone()).isEqualTo(phone);
		assertThat(hotline.follow(t.number(), phone)).isPresent();
		assertThat(hotline.follow(t.number(), TestPeople.mobile())).isEmpty();
	}
}
