package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.AnswerSuggestions;
import tongban.hotline.NewTicket;
import tongban.hotline.Submitted;
import tongban.hotline.Ticket;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.hotline.TicketStatus;
import tongban.hotline.Tickets;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.internal.knowledge.KnowledgeCuration;
import tongban.openness.internal.knowledge.KnowledgeCuration.Draft;
import tongban.openness.internal.knowledge.KnowledgeEntry;
import tongban.openness.internal.knowledge.KnowledgeReading;
import tongban.openness.internal.knowledge.KnowledgeStatus;
import tongban.shared.DomainException;
import tongban.support.IntegrationTest;

/**
 * The knowledge base over the real demo data: an operator's 咨询 about 社保卡补办 is answered from the base (the right
 * entry in the top three) and closed with it, recorded; colloquial questions kept with the tests each find their entry
 * in the top three; staff curate entries of their own department only, retiring one takes it out at once.
 */
class KnowledgeIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketClosing closing;

	@Autowired
	Tickets tickets;

	@Autowired
	AnswerSuggestions suggestions;

	@Autowired
	KnowledgeReading reading;

	@Autowired
	KnowledgeCuration curation;

	String keyOf(String id) {
		return jdbc.sql("select source_key from openness_knowledge_entry where id = ?::uuid").param(id).query(String.class).single();
	}

	@Test
	void anOperatorsConsultationAboutReplacingASocialSecurityCardIsAnsweredFromTheBase() {
		String text = "来电人说自己的社保卡上周弄丢了，已经挂失，想问补办新卡怎么办、要多久能拿到。";
		Submitted s = intake.submit(new NewTicket("CONSULT", "CS0201", null, "330106", "", null, null, text, "", "0571-87001234",
				null, false, List.of()), TicketSource.operator("话务员甲"));
		assertThat(s.problems()).isEmpty();
		Ticket ticket = tickets.find(s.id()).orElseThrow();

		List<AnswerSuggestions.SuggestedAnswer> top3 = suggestions.suggest(ticket.description(), 3);
		assertThat(top3).extracting(a -> keyOf(a.ref())).contains("kb-sbk-buling");
		AnswerSuggestions.SuggestedAnswer chosen = top3.stream().filter(a -> keyOf(a.ref()).equals("kb-sbk-buling")).findFirst().orElseThrow();
		assertThat(chosen.sourcePath()).isEqualTo("/knowledge/" + chosen.ref());

		closing.answerOnCall(ticket.id(), "话务员甲", suggestions.find(chosen.ref()).orElseThrow());
		Ticket answered = tickets.find(ticket.id()).orElseThrow();
		assertThat(answered.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(answered.reply()).isEqualTo(chosen.answer());
		assertThat(tickets.history(ticket.id(), false)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("ANSWERED_ON_CALL");
			assertThat(e.note()).contains(chosen.ref());
		});
	}

	/** A question and the source keys of the entries that answer it. */
	record Question(String text, List<String> keys) {
	}

	static List<Question> questions() throws IOException {
		try (var in = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(KnowledgeIT.class.getResourceAsStream("knowledge-questions.tsv")), StandardCharsets.UTF_8))) {
			return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).map(p -> new Question(p[0], List.of(p[1].split("\\|")))).toList();
		}
	}

	@Test
	void colloquialQuestionsFindTheirEntryInTheTopThree() throws IOException {
		List<Question> questions = questions();
		assertThat(questions).hasSizeGreaterThanOrEqualTo(20);
		List<String> misses = questions.stream()
			.filter(q -> reading.answers(q.text(), 3).stream().map(KnowledgeEntry::sourceKey).noneMatch(q.keys()::contains))
			.map(q -> q.text() + " → " + reading.answers(q.text(), 3).stream().map(e -> e.sourceKey() + " " + e.question()).toList())
			.toList();
		assertThat(misses).as("questions whose entry is not in the top three").isEmpty();
	}

	@Test
	void staffCurateTheirDepartmentsEntriesAndARetiredEntryIsNoLongerOffered() {
		StaffMember editor = new StaffMember(UUID.randomUUID(), "何整理", "XH-SCJG", null, Set.of(Role.INFO_EDITOR));
		StaffMember other = new StaffMember(UUID.randomUUID(), "吴整理", "XH-RLSB", null, Set.of(Role.INFO_EDITOR));
		String word = "蜂鸟" + System.nanoTime() % 100000;

		var refused = curation.save(editor, null, new Draft("短", "", "太短", "", "", "2020-01-01", "没有网址"));
		assertThat(refused.problems()).extracting(p -> p.field()).contains("question", "answer", "owner", "reviewOn", "sources");

		var saved = curation.save(editor, null, new Draft(word + "牌电动车上牌要带什么材料", "电动车上牌\n" + word + "上牌",
				"带购车发票、合格证和本人身份证，到就近的上牌点办理，当场出牌。", "", "何整理", "2099-12-31",
				"上牌须知 https://www.example.gov.cn/shangpai\n本站事项 /items/330106-GG-0001-01"));
		assertThat(saved.problems()).isEmpty();
		KnowledgeEntry entry = saved.entry();
		assertThat(reading.answers(word + "电动车上牌", 3)).extracting(KnowledgeEntry::id).contains(entry.id());

		// another department's entry does not exist for them
		assertThat(catchThrowable(() -> curation.own(other, entry.id().toString())))
			.isInstanceOf(DomainException.class);

		curation.move(editor, curation.own(editor, entry.id().toString()), KnowledgeStatus.RETIRED);
		assertThat(reading.answers(word + "电动车上牌", 3)).extracting(KnowledgeEntry::id).doesNotContain(entry.id());
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ?").param("knowledge:" + entry.id()).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void publishedRepliesAndGuidesFeedTheBase() {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from openness_knowledge_entry where origin = 'REPLY'").query(Long.class).single()).isPositive());
		assertThat(jdbc.sql("select count(*) from openness_knowledge_entry where origin = 'GUIDE'").query(Long.class).single())
			.isGreaterThanOrEqualTo(30);
		// a guide's question links the guide
		String id = jdbc.sql("select id::text from openness_knowledge_entry where origin = 'GUIDE' and source_key = '330106-GG-0001-01#0'")
			.query(String.class).single();
		assertThat(reading.find(UUID.fromString(id)).orElseThrow().links()).extracting(KnowledgeEntry.Source::url)
			.containsExactly("/items/330106-GG-0001-01");
	}
}
