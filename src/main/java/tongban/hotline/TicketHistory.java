package tongban.hotline;

import static tongban.shared.Batches.at;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.shared.Batches;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.WorkingCalendar;

/**
 * History import (docs/decisions/0028): 12345 tickets of earlier days, closed and revisited, written straight into the
 * hotline's own tables in batches, numbered like live ones (GD, the day, the ticket serial); personal data encrypted and
 * the phone blind-indexed as intake does. No SMS, no event.
 */
@Service
public class TicketHistory {

	/**
	 * A closed ticket: type, category leaf, township, text, the caller (name and phone), when it came in, was dispatched to
	 * its lead department, answered and closed, the answer and what the caller said of it on the revisit.
	 */
	public record HistoricTicket(UUID id, String token, String type, String categoryCode, String urgency, String channel, String regionCode,
			String description, String contactName, String phone, OffsetDateTime createdAt, String leadDepartment, OffsetDateTime dispatchedAt,
			OffsetDateTime dispatchDue, OffsetDateTime answerDue, OffsetDateTime repliedAt, String reply, OffsetDateTime closedAt,
			Satisfaction satisfaction) {
	}

	private final JdbcTemplate jdbc;
	private final DataKeys keys;
	private final HotlineSettings settings;
	private final DirectoryManagement directory;

	TicketHistory(JdbcTemplate jdbc, DataKeys keys, HotlineSettings settings, DirectoryManagement directory) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.settings = settings;
		this.directory = directory;
	}

	/** When a ticket of this type and urgency that came in at {@code from} must be dispatched, as intake sets it. */
	public OffsetDateTime dispatchDue(String type, String urgency, OffsetDateTime from, WorkingCalendar calendar) {
		return HotlineSettings.due(from, settings.dispatchLimit(type, urgency), calendar);
	}

	/** When a ticket dispatched at {@code dispatchedAt} must be answered, as dispatch sets it. */
	public OffsetDateTime answerDue(String type, String urgency, OffsetDateTime dispatchedAt, WorkingCalendar calendar) {
		return HotlineSettings.due(dispatchedAt, settings.answerLimit(type, urgency), calendar);
	}

	/** Writes the tickets, oldest first, with their history as the caller and staff see it. */
	@Transactional
	public void importClosed(List<HistoricTicket> tickets) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		Map<String, String> names = directory.departmentNames();
		for (HistoricTicket t : tickets.stream().sorted(Comparator.comparing(HistoricTicket::createdAt)).toList()) {
			String day = t.createdAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().toString().replace("-", "");
			rows.add(new Object[] { t.id(), "GD" + day, t.token(), t.type(), t.categoryCode(), t.urgency(), t.channel(), t.regionCode(), t.description(),
					t.contactName() == null ? null : keys.encrypt(t.contactName()), keys.encrypt(t.phone()), keys.blindIndex(t.phone()),
					TicketStatus.CLOSED.name(), t.leadDepartment(), at(t.dispatchDue()), at(t.dispatchedAt()), at(t.answerDue()), at(t.repliedAt()),
					t.reply(), at(t.closedAt()), t.satisfaction() == null ? null : t.satisfaction().name(), at(t.createdAt()), at(t.closedAt()) });
			events.add(new Object[] { t.id(), at(t.createdAt()), "SUBMITTED", "12345话务员", null, null, true });
			String lead = names.getOrDefault(t.leadDepartment(), t.leadDepartment());
			events.add(new Object[] { t.id(), at(t.dispatchedAt()), "DISPATCHED", "12345话务员", t.leadDepartment(), "承办：" + lead, true });
			events.add(new Object[] { t.id(), at(t.repliedAt()), "REPLIED", lead, t.leadDepartment(), t.reply(), true });
			events.add(new Object[] { t.id(), at(t.closedAt()), "CLOSED", "12345话务员", null, null, true });
			if (t.satisfaction() != null) {
				events.add(new Object[] { t.id(), at(t.closedAt().plusHours(20)), "REVISITED", "12345话务员", null, t.satisfaction().label(), true });
			}
		}
		Batches.write(jdbc, """
				insert into hotline_ticket (id, number, token, type, category_code, urgency, channel, region_code, description, contact_name,
				  phone, phone_index, status, lead_department, dispatch_due, dispatched_at, answer_due, replied_at, reply, closed_at, satisfaction,
				  created_at, updated_at)
				values (?, ? || (select case when length(v) < 6 then lpad(v, 6, '0') else v end from (select nextval('hotline_ticket_seq')::text v) n),
				  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		Batches.write(jdbc, "insert into hotline_ticket_event (ticket_id, at, action, actor, department, note, visible) values (?, ?, ?, ?, ?, ?, ?)",
				events);
	}
}
