package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.conflict;
import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.hotline.TicketEvents.ReplyPublished;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.shared.FieldProblem;

/**
 * Suggestions and consultations published with their answers, anonymised by the publisher: only with the submitter's
 * consent, and never with a phone or ID number left in the text.
 */
@Service
public class PublicReplies {

	/** Patterns a published text must not contain: mobile and landline numbers, ID numbers. */
	static final Pattern PERSONAL = Pattern.compile("1[3-9]\\d{9}|\\d{17}[\\dXx]|\\d{15}|0\\d{2,3}-?\\d{7,8}");

	private static final Set<String> PUBLISHABLE_TYPES = Set.of("SUGGESTION", "CONSULT");

	private final TicketRepository tickets;
	private final Tickets reading;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	PublicReplies(TicketRepository tickets, Tickets reading, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.reading = reading;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Publishes a closed suggestion or consultation and its answer; the problems of the texts, or none when published. */
	@Transactional
	public List<FieldProblem> publish(TicketId id, String publisherName, String title, String question, String answer) {
		Ticket ticket = tickets.require(id);
		if (!ticket.publishConsent()) {
			throw conflict("hotline-no-consent");
		}
		if (ticket.status() != TicketStatus.CLOSED || !PUBLISHABLE_TYPES.contains(ticket.type())) {
			throw conflict("hotline-not-publishable");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String titleText = trim(title), questionText = trim(question), answerText = trim(answer);
		check(problems, "title", titleText, 4, 60);
		check(problems, "question", questionText, 5, 2000);
		check(problems, "answer", answerText, 5, 4000);
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.sql("insert into hotline_public_reply (ticket_id, title, question, answer, department, published_by) values (?, ?, ?, ?, ?, ?) "
				+ "on conflict (ticket_id) do update set title = excluded.title, question = excluded.question, answer = excluded.answer, "
				+ "published_by = excluded.published_by, published_at = now()")
			.params(id.value(), titleText, questionText, answerText, reading.departmentName(ticket.leadDepartment()), publisherName)
			.update();
		tickets.log(id, "PUBLISHED", publisherName, null, "已公开答复（匿名）", true);
		events.publishEvent(new ReplyPublished(id, ticket.number()));
		return List.of();
	}

	private static void check(List<FieldProblem> problems, String field, String value, int min, int max) {
		if (value.length() < min || value.length() > max) {
			problems.add(FieldProblem.of(field, "hotline.error.publish.length", min, max));
		}
		else if (PERSONAL.matcher(value).find()) {
			problems.add(FieldProblem.of(field, "hotline.error.publish.personal"));
		}
	}

	/** A first anonymised draft for the publisher: numbers that look like phones or ID numbers masked. */
	public static String anonymised(String text) {
		return text == null ? "" : PERSONAL.matcher(text).replaceAll(m -> "*".repeat(m.group().length()));
	}

	/** The latest published replies. */
	public List<PublicReply> latest(int limit) {
		return published("", limit);
	}

	/** The latest published letters of one 领导信箱 (letters of the mailbox channel addressed to the department's head). */
	public List<PublicReply> ofMailbox(String departmentCode, int limit) {
		return published("where t.channel = '" + TicketSource.MAILBOX + "' and t.addressee = ? ", limit, departmentCode);
	}

	private List<PublicReply> published(String condition, int limit, Object... params) {
		List<Object> all = new ArrayList<>(List.of(params));
		all.add(limit);
		return jdbc.sql(REPLY + condition + "order by r.published_at desc limit ?")
			.params(all)
			.query(PublicReplies::reply)
			.list();
	}

	/** The published reply of the ticket with this number, if it was published. */
	public Optional<PublicReply> byNumber(String number) {
		return jdbc.sql(REPLY + "where t.number = ?").param(number).query(PublicReplies::reply).optional();
	}

	private static final String REPLY = "select t.number, r.title, r.question, r.answer, r.department, r.published_at "
			+ "from hotline_public_reply r join hotline_ticket t on t.id = r.ticket_id ";

	private static PublicReply reply(ResultSet rs, int row) throws SQLException {
		return new PublicReply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class));
	}
}
