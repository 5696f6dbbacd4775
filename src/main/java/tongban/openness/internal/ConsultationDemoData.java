package tongban.openness.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import tongban.hotline.NewTicket;
import tongban.hotline.PublicReplies;
import tongban.hotline.Submitted;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.openness.domain.Adoption;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.ConsultationEvents.CommentHeld;
import tongban.openness.domain.ConsultationEvents.CommentPublished;
import tongban.openness.domain.ConsultationEvents.ConsultationPublished;
import tongban.openness.domain.ConsultationEvents.ConsultationReported;
import tongban.openness.domain.ConsultationEvents.ConsultationSubmitted;
import tongban.openness.domain.ConsultationQuestion;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationRepository.Draft;
import tongban.openness.domain.ConsultationRepository.Theme;
import tongban.openness.domain.ConsultationStatus;
import tongban.shared.Clocks;
import tongban.shared.DemoData;

/**
 * Demo data ({@code data/openness/consultations.json}, sources cited there): three consultations of 西湖区 departments —
 * one open, one closed with its feedback report, one upcoming, dated relative to the day the demo loads — with some
 * comments, and letters to leaders' mailboxes taken in, dispatched and (most) answered and published through the
 * hotline's own API.
 */
@Component
@Order(90)
class ConsultationDemoData implements ApplicationRunner {

	static final String DEMO_EDITOR = "何编辑", DEMO_REVIEWER = "许保密", OPERATOR = "12345话务员";

	@JsonIgnoreProperties(ignoreUnknown = true)
	record File(List<Item> consultations, List<Letter> letters) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Item(String key, String department, String docKind, String title, int startsInDays, int endsInDays, String background,
			String draft, List<Question> questions, String report, List<Comment> comments) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Question(String theme, String question) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Comment(int question, String body, String status, String holdReason, String adoption, String reason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Letter(String mailbox, String type, String letter, String title, String answer) {
	}

	private final DemoData demo;
	private final JsonMapper json;
	private final ConsultationRepository consultations;
	private final TicketIntake intake;
	private final TicketDispatch dispatch;
	private final TicketHandling handling;
	private final TicketClosing closing;
	private final PublicReplies replies;

	ConsultationDemoData(DemoData demo, JsonMapper json, ConsultationRepository consultations, TicketIntake intake,
			TicketDispatch dispatch, TicketHandling handling, TicketClosing closing, PublicReplies replies) {
		this.demo = demo;
		this.json = json;
		this.consultations = consultations;
		this.intake = intake;
		this.dispatch = dispatch;
		this.handling = handling;
		this.closing = closing;
		this.replies = replies;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("openness-consultations", () -> {
			File file = read();
			LocalDate today = LocalDate.now(Clocks.ZONE);
			int phone = 0;
			for (Item item : file.consultations()) {
				phone = consultation(item, today, phone);
			}
			int n = 0;
			for (Letter letter : file.letters()) {
				letter(letter, n++);
			}
		});
	}

	private File read() {
		try (InputStream in = new ClassPathResource("data/openness/consultations.json").getInputStream()) {
			return json.readValue(in, File.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Saves one consultation as the editor drafted it and the reviewer published it, then its comments. */
	private int consultation(Item item, LocalDate today, int phone) {
		UUID id = UUID.randomUUID();
		consultations.insert(id, item.department(), new Draft(item.title(), item.docKind(), item.draft(), item.background(),
				today.plusDays(item.startsInDays()), today.plusDays(item.endsInDays()),
				item.questions().stream().map(q -> new Theme(q.theme(), q.question())).toList()), UUID.randomUUID(), DEMO_EDITOR);
		consultations.move(id, ConsultationStatus.DRAFT, ConsultationStatus.IN_REVIEW, new ConsultationSubmitted(id), "");
		consultations.move(id, ConsultationStatus.IN_REVIEW, ConsultationStatus.PUBLISHED, new ConsultationPublished(id),
				"reviewer_name = ?, published_at = now()", DEMO_REVIEWER);
		List<ConsultationQuestion> questions = consultations.questions(id);
		int next = phone;
		for (Comment c : item.comments()) {
			UUID commentId = UUID.randomUUID();
			consultations.insertComment(commentId, id, questions.get(c.question() - 1).id(), c.body(), null,
					String.format("1390000%04d", 1000 + next++));
			CommentStatus status = CommentStatus.valueOf(c.status());
			if (status == CommentStatus.PUBLISHED) {
				consultations.moveComment(commentId, CommentStatus.PENDING, status, new CommentPublished(commentId, id),
						"moderated_by = ?, moderated_at = now()", DEMO_EDITOR);
			}
			else if (status == CommentStatus.HELD) {
				consultations.moveComment(commentId, CommentStatus.PENDING, status, new CommentHeld(commentId, id),
						"hold_reason = ?, moderated_by = ?, moderated_at = now()", c.holdReason(), DEMO_EDITOR);
			}
			if (c.adoption() != null) {
				consultations.adopt(commentId, Adoption.valueOf(c.adoption()), c.reason());
			}
		}
		if (item.report() != null) {
			consultations.move(id, ConsultationStatus.PUBLISHED, ConsultationStatus.REPORTED, new ConsultationReported(id),
					"report_note = ?, report_by = ?, report_published_at = now()", item.report(), DEMO_EDITOR);
		}
		return next;
	}

	/** A letter taken in by the hotline as a mailbox ticket, dispatched; answered, closed and published when it has an answer. */
	private void letter(Letter letter, int n) {
		TicketSource source = new TicketSource(TicketSource.MAILBOX, null, "群众", true, null, letter.mailbox());
		Submitted s = intake.submit(new NewTicket(letter.type(), MailboxLetters.CATEGORY, null, "330106", "", null, null, letter.letter(),
				"", String.format("1390001%04d", 2000 + n), null, true, List.of()), source);
		if (!s.ok()) {
			throw new IllegalStateException("demo letter refused: " + s.problems());
		}
		dispatch.dispatch(s.id(), MailboxLetters.DISPATCHER, letter.mailbox(), List.of());
		if (letter.answer() != null) {
			handling.reply(s.id(), letter.mailbox(), "信箱办理人", letter.answer());
			closing.close(s.id(), OPERATOR, "");
			replies.publish(s.id(), OPERATOR, letter.title(), letter.letter(), letter.answer());
		}
	}
}
