package tongban.insight.trends;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tongban.hotline.TicketDigests.TicketDigest;
import tongban.insight.trends.TopicCounts.Topic;
import tongban.shared.Clocks;

/** Surge alerts of hot topics (insight_topic_alert) and the tickets behind each. */
@Repository
public class TopicAlerts {

	/** A surge alert: a topic (category code or term) in a township over a 7-day window, with the test's figures. */
	public record TopicAlert(UUID id, String topicKind, String topic, String townshipCode, LocalDate windowStart, LocalDate windowEnd, int observed,
			BigDecimal baselineMean, BigDecimal baselineSd, BigDecimal threshold, OffsetDateTime raisedAt, OffsetDateTime updatedAt) {

		public boolean category() {
			return "CATEGORY".equals(topicKind);
		}
	}

	/** A ticket behind an alert as recorded (what it says is read from hotline when shown). */
	public record AlertTicket(UUID ticketId, String ticketNumber, String categoryCode, OffsetDateTime createdAt) {
	}

	private static final String COLUMNS = """
			select id, topic_kind, topic, township_code, window_start, window_end, observed, baseline_mean, baseline_sd, threshold, raised_at,
			  updated_at from insight_topic_alert""";

	private final JdbcClient jdbc;

	TopicAlerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Raises the alert of a surge, or, when the same topic and township already has an alert whose window overlaps this
	 * one, brings that alert up to date and adds the new tickets to it: one alert per topic, township and window, however
	 * often the pass runs. Answers whether an alert was raised.
	 */
	@Transactional
	public boolean raise(Topic topic, LocalDate windowStart, LocalDate windowEnd, SurgeTest.Verdict verdict, List<TicketDigest> tickets) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("insight_topic:" + topic.kind() + ":" + topic.topic() + ":" + topic.township())
			.query(Object.class).single();
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		Optional<UUID> open = jdbc.sql("""
				select id from insight_topic_alert where topic_kind = ? and topic = ? and township_code = ? and window_end >= ?
				order by window_end desc limit 1""")
			.params(topic.kind().name(), topic.topic(), topic.township(), windowStart)
			.query(UUID.class)
			.optional();
		UUID id = open.orElseGet(UUID::randomUUID);
		if (open.isPresent()) {
			jdbc.sql("""
					update insight_topic_alert set observed = greatest(observed, ?), window_end = greatest(window_end, ?), updated_at = ? where id = ?""")
				.params(verdict.observed(), windowEnd, now, id)
				.update();
		}
		else {
			jdbc.sql("""
					insert into insight_topic_alert (id, topic_kind, topic, township_code, window_start, window_end, observed, baseline_mean, baseline_sd,
					  threshold, raised_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, topic.kind().name(), topic.topic(), topic.township(), windowStart, windowEnd, verdict.observed(), round(verdict.mean()),
						round(verdict.sd()), round(verdict.threshold()), now, now)
				.update();
		}
		if (!tickets.isEmpty()) {
			// one statement for the window's tickets, however many (a pass brings the same ones again: nothing is added twice)
			jdbc.sql("""
					insert into insight_topic_alert_ticket (alert_id, ticket_id, ticket_number, category_code, created_at)
					select ?, ticket.id::uuid, ticket.number, ticket.category, ticket.created::timestamptz
					from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as ticket(id, number, category, created)
					on conflict do nothing""")
				.params(id, tickets.stream().map(ticket -> ticket.id().value().toString()).toArray(String[]::new),
						tickets.stream().map(TicketDigest::number).toArray(String[]::new),
						tickets.stream().map(TicketDigest::categoryCode).toArray(String[]::new),
						tickets.stream().map(ticket -> ticket.createdAt().toString()).toArray(String[]::new))
				.update();
		}
		return open.isEmpty();
	}

	private static BigDecimal round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	/** Alerts in townships under the region prefix ("" for all) whose window ended on or after {@code since}, newest first. */
	public List<TopicAlert> since(String regionPrefix, LocalDate since) {
		return jdbc.sql(COLUMNS + " where township_code like ? and window_end >= ? order by window_end desc, observed desc limit 200")
			.params(regionPrefix + "%", since)
			.query(TopicAlert.class)
			.list();
	}

	/** Alerts under the region prefix whose window overlaps the days from {@code from} to {@code to}. */
	public List<TopicAlert> overlapping(String regionPrefix, LocalDate from, LocalDate to) {
		return jdbc.sql(COLUMNS + " where township_code like ? and window_end >= ? and window_start <= ? order by observed desc limit 200")
			.params(regionPrefix + "%", from, to)
			.query(TopicAlert.class)
			.list();
	}

	public Optional<TopicAlert> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = ?").param(id).query(TopicAlert.class).optional();
	}

	public List<AlertTicket> tickets(UUID alertId) {
		return jdbc.sql("select ticket_id, ticket_number, category_code, created_at from insight_topic_alert_ticket where alert_id = ? order by created_at desc")
			.param(alertId)
			.query(AlertTicket.class)
			.list();
	}
}
