package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.PublicReplies;
import tongban.hotline.Submitted;
import tongban.hotline.Ticket;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketSource;
import tongban.hotline.TicketStatus;
import tongban.hotline.Tickets;
import tongban.openness.internal.MailboxLetters;
import tongban.openness.internal.MailboxLetters.Letter;
import tongban.openness.internal.MailboxLetters.Mailbox;
import tongban.openness.internal.MailboxLetters.Writer;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * 领导信箱 as a channel of 12345: a letter to the district head is a ticket of the mailbox channel, dispatched at once to
 * the 区政府办公室 with its answer clock running, handled in the hotline's own steps, and its published answer is on that
 * mailbox's page (and not on another's). An anonymous letter needs a code sent for the mailbox.
 */
class MailboxIT extends IntegrationTest {

	@Autowired
	MailboxLetters letters;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketHandling handling;

	@Autowired
	TicketClosing closing;

	@Autowired
	PublicReplies replies;

	@Test
	void aLetterToTheDistrictHeadIsADispatchedTicketWhoseAnswerIsPublishedOnTheMailbox() throws Exception {
		Mailbox head = letters.mailbox(MailboxLetters.DISTRICT_HEAD).orElseThrow();
		assertThat(head.districtHead()).isTrue();
		assertThat(letters.mailboxes().get(0).departmentCode()).isEqualTo("XH-ZFB");
		Citizen writer = newCitizen("写信人", 2);
		String text = "建议在文三路增设非机动车道隔离栏，早高峰电动车和汽车混行很危险。" + UUID.randomUUID().toString().substring(0, 8);
		Submitted s = letters.write(head, new Letter("SUGGESTION", text, "", "", "", true),
				Optional.of(new Writer(writer.id(), writer.name(), writer.mobile())));
		assertThat(s.problems()).isEmpty();

		Ticket ticket = tickets.byNumber(s.number()).orElseThrow();
		assertThat(ticket.channel()).isEqualTo(TicketSource.MAILBOX);
		assertThat(ticket.status()).isEqualTo(TicketStatus.DISPATCHED);
		assertThat(ticket.leadDepartment()).isEqualTo("XH-ZFB");
		assertThat(ticket.answerDue()).isNotNull();
		assertThat(ticket.accountId()).isEqualTo(writer.id());
		assertThat(jdbc.sql("select addressee from hotline_ticket where id = ?").param(ticket.id().value()).query(String.class).single())
			.isEqualTo("XH-ZFB");
		assertThat(tickets.history(ticket.id(), true)).extracting(e -> e.note()).contains("领导信箱来信");
		assertThat(tickets.ofDepartment("XH-ZFB")).extracting(Ticket::number).contains(s.number());

		// handled in the hotline's own steps: the office answers, the operator closes and publishes
		String answer = "区交通运输部门已将文三路非机动车道隔离设施列入明年改造计划。";
		handling.reply(ticket.id(), "XH-ZFB", "区政府办公室", answer);
		closing.close(ticket.id(), "12345话务员", "");
		assertThat(replies.publish(ticket.id(), "12345话务员", "文三路增设非机动车道隔离栏", text, answer)).isEmpty();

		assertThat(get("/mailbox/XH-ZFB")).contains("文三路增设非机动车道隔离栏").contains(answer);
		assertThat(get("/mailbox/XH-SCJG")).doesNotContain("文三路增设非机动车道隔离栏");
		assertThat(get("/mailbox")).contains("区长信箱");
	}

	@Test
	void anAnonymousLetterNeedsTheCodeSentForTheMailbox() {
		Mailbox scjg = letters.mailbox("XH-SCJG").orElseThrow();
		String mobile = TestPeople.mobile();
		Letter letter = new Letter("COMPLAINT", "小区门口的烧烤摊油烟很大，晚上十二点还在营业。", "张先生", mobile, "", false);
		long before = jdbc.sql("select count(*) from hotline_ticket").query(Long.class).single();
		assertThat(letters.write(scjg, letter, Optional.empty()).problems()).extracting(p -> p.field() + ":" + p.code())
			.containsExactly("phoneCode:hotline.error.phone.unconfirmed");
		assertThat(letters.sendCode(mobile)).isEmpty();
		assertThat(lastSms(mobile)).contains("您正在给领导信箱写信");
		String code = lastSmsCode(mobile);
		String wrong = code.equals("123456") ? "654321" : "123456";
		assertThat(letters.write(scjg, new Letter(letter.type(), letter.description(), letter.contactName(), mobile, wrong, false),
				Optional.empty()).problems()).extracting(p -> p.code()).containsExactly("hotline.error.code.wrong");
		assertThat(jdbc.sql("select count(*) from hotline_ticket").query(Long.class).single()).isEqualTo(before);

		Submitted s = letters.write(scjg, new Letter(letter.type(), letter.description(), letter.contactName(), mobile, code, false),
				Optional.empty());
		assertThat(s.problems()).isEmpty();
		Ticket ticket = tickets.byNumber(s.number()).orElseThrow();
		assertThat(ticket.leadDepartment()).isEqualTo("XH-SCJG");
		assertThat(ticket.channel()).isEqualTo("MAILBOX");
		// a 举报 is not a letter type; an unknown type is refused at the field
		assertThat(letters.write(scjg, new Letter("REPORT", letter.description(), "", mobile, "", false), Optional.empty()).problems())
			.extracting(p -> p.field()).containsExactly("type");
	}

	@Test
	void theWriteFormSendsTheCodeAndTakesTheLetterWithTheFieldsKeptOnError() throws Exception {
		String mobile = TestPeople.mobile();
		FormSession browser = new FormSession(url(""));
		browser.get("/mailbox/XH-ZFB");
		HttpResponse<String> empty = browser.post("/mailbox/XH-ZFB", "action", "submit", "type", "SUGGESTION", "description", "",
				"phone", mobile, "phoneCode", "");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("错误：").contains("data-testid=\"error-summary\"").contains(mobile);
		HttpResponse<String> sent = browser.post("/mailbox/XH-ZFB", "action", "code", "type", "SUGGESTION",
				"description", "建议在西溪湿地周边增加公共自行车点位。", "phone", mobile);
		assertThat(sent.body()).contains("data-testid=\"code-sent\"").contains("建议在西溪湿地周边增加公共自行车点位");
		HttpResponse<String> done = browser.post("/mailbox/XH-ZFB", "action", "submit", "type", "SUGGESTION",
				"description", "建议在西溪湿地周边增加公共自行车点位。", "phone", mobile, "phoneCode", lastSmsCode(mobile));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/mailbox/XH-ZFB/sent");
		assertThat(jdbc.sql("select count(*) from hotline_ticket where channel = 'MAILBOX' and addressee = 'XH-ZFB' and status = 'DISPATCHED' "
				+ "and description = ?").param("建议在西溪湿地周边增加公共自行车点位。").query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void theDemoMailboxesHavePublishedLetters() throws Exception {
		assertThat(get("/mailbox/XH-ZFB")).contains("建议政务服务中心周六开放窗口");
		assertThat(get("/consultations")).contains("小餐饮店食品安全提升管理办法").contains("西溪十八坞").contains("招生入学实施细则");
	}

	String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}
}
