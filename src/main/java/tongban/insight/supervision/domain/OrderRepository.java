package tongban.insight.supervision.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tongban.insight.SupervisionOrder;

/** The rows of {@code insight_order_sheet} and {@code insight_card}. */
@Repository
public class OrderRepository {

	public static final String TABLE = "insight_order_sheet";

	private static final String COLUMNS = "id, number, rule, subject, department_code, region_code, reference, card, status, due, issued_by,"
			+ " issued_at, answer, answered_by, answered_at, decision, decided_by, decided_at, escalated_to";

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What to list: a region prefix and/or a department, optionally one status and one rule. */
	public record Query(String regionPrefix, String department, SupervisionOrder.Status status, SupervisionOrder.Rule rule) {
	}

	/**
	 * Inserts an order with its card (if any) in one go; for an automatic one nothing when the rule already raised an
	 * order about this subject (the unique index decides, so two passes at once raise one).
	 */
	public boolean insert(SupervisionOrder order, String subjectKey) {
		int inserted = jdbc.sql("insert into insight_order_sheet (" + COLUMNS.replace(", escalated_to", "") + ", subject_key) values"
				+ " (?, 'DB' || to_char(?::timestamptz at time zone 'Asia/Shanghai', 'YYYY') || lpad(nextval('insight_order_number_seq')::text, 6, '0'),"
				+ " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null, null, null, ?) on conflict do nothing")
			.params(order.id(), order.issuedAt(), order.rule().name(), order.subject(), order.departmentCode(), order.regionCode(),
					order.reference(), order.card() == null ? null : order.card().name(), order.status().name(), order.due(),
					order.issuedBy(), order.issuedAt(), subjectKey)
			.update();
		if (inserted == 1 && order.card() != null) {
			jdbc.sql("insert into insight_card (order_id, department_code, card, issued_on) values (?, ?, ?, ?)")
				.params(order.id(), order.departmentCode(), order.card().name(), order.issuedAt().toLocalDate())
				.update();
		}
		return inserted == 1;
	}

	public Optional<SupervisionOrder> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from insight_order_sheet where id = ?").param(id).query(OrderRepository::row).optional();
	}

	public boolean raised(SupervisionOrder.Rule rule, String subjectKey) {
		return jdbc.sql("select count(*) from insight_order_sheet where rule = ? and subject_key = ?")
			.params(rule.name(), subjectKey)
			.query(Long.class)
			.single() > 0;
	}

	/** Orders matching the query, open ones first, then the newest; at most 500. */
	public List<SupervisionOrder> list(Query query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from insight_order_sheet where true");
		List<Object> params = new ArrayList<>();
		if (query.regionPrefix() != null) {
			sql.append(" and region_code like ?");
			params.add(query.regionPrefix() + "%");
		}
		if (query.department() != null) {
			sql.append(" and department_code = ?");
			params.add(query.department());
		}
		if (query.status() != null) {
			sql.append(" and status = ?");
			params.add(query.status().name());
		}
		if (query.rule() != null) {
			sql.append(" and rule = ?");
			params.add(query.rule().name());
		}
		sql.append(" order by status in ('CLOSED', 'ESCALATED'), issued_at desc, number desc limit 500");
		return jdbc.sql(sql.toString()).params(params).query(OrderRepository::row).list();
	}

	/** Cards of the department issued in the days from..to inclusive, by card. */
	public long cards(String departmentCode, SupervisionOrder.Card card, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from insight_card where department_code = ? and card = ? and issued_on between ? and ?")
			.params(departmentCode, card.name(), from, to)
			.query(Long.class)
			.single();
	}

	private static SupervisionOrder row(ResultSet rs, int n) throws SQLException {
		String card = rs.getString("card");
		return new SupervisionOrder(rs.getObject("id", UUID.class), rs.getString("number"), SupervisionOrder.Rule.valueOf(rs.getString("rule")),
				rs.getString("subject"), rs.getString("department_code"), rs.getString("region_code"), rs.getString("reference"),
				card == null ? null : SupervisionOrder.Card.valueOf(card), SupervisionOrder.Status.valueOf(rs.getString("status")),
				rs.getObject("due", LocalDate.class), rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class),
				rs.getString("answer"), rs.getString("answered_by"), rs.getObject("answered_at", OffsetDateTime.class),
				rs.getString("decision"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getString("escalated_to"));
	}
}
