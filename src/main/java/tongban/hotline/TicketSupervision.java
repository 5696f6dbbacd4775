package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.conflict;
import static tongban.hotline.internal.domain.TicketRepository.invalid;
import static tongban.hotline.internal.domain.TicketRepository.names;
import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.hotline.internal.domain.TicketRepository;

/** 督办: tickets past their dispatch or answer limit are put under supervision; a supervisor urges in writing. */
@Service
public class TicketSupervision {

	private final TicketRepository tickets;
	private final JdbcClient jdbc;

	TicketSupervision(TicketRepository tickets, JdbcClient jdbc) {
		this.tickets = tickets;
		this.jdbc = jdbc;
	}

	/** 督办 of every open ticket past its limit that was not yet supervised; returns how many. */
	@Transactional
	public int superviseOverdue(OffsetDateTime now) {
		List<UUID> ids = jdbc.sql("update hotline_ticket set supervised_at = ?, updated_at = now() where supervised_at is null and "
				+ "((status = any(?) and dispatch_due < ?) or (status = ? and answer_due < ?)) returning id")
			.params(now, names(TicketStatus.AWAITING_DISPATCH), now, TicketStatus.DISPATCHED.name(), now)
			.query(UUID.class)
			.list();
		for (UUID id : ids) {
			tickets.log(new TicketId(id), "SUPERVISED", "12345督办", null, "超过办理时限，已督办", true);
		}
		return ids.size();
	}

	/** A supervisor's written urging (督办意见) on an open ticket. */
	@Transactional
	public void urge(TicketId id, String supervisorName, String note) {
		Ticket ticket = tickets.require(id);
		if (!ticket.open()) {
			throw conflict("hotline-not-open");
		}
		String text = trim(note);
		if (text.length() < 4 || text.length() > 1000) {
			throw invalid("hotline-note-required");
		}
		if (ticket.supervisedAt() == null) {
			jdbc.sql("update hotline_ticket set supervised_at = now(), updated_at = now() where id = ?").param(id.value()).update();
		}
		tickets.log(id, "URGED", supervisorName, ticket.leadDepartment(), text, true);
	}
}
