package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.names;
import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tongban.directory.DirectoryManagement;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.shared.DataKeys;

/** Reading tickets: one by id, number, Open311 token or number and phone; the lists of the workbench; their history. */
@Service
public class Tickets {

	private static final String[] AWAITING_DISPATCH = names(TicketStatus.AWAITING_DISPATCH);

	private final TicketRepository tickets;
	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final DirectoryManagement directory;

	Tickets(TicketRepository tickets, JdbcClient jdbc, DataKeys keys, DirectoryManagement directory) {
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.keys = keys;
		this.directory = directory;
	}

	public Optional<Ticket> find(TicketId id) {
		return tickets.find(id);
	}

	public Optional<Ticket> byNumber(String number) {
		return tickets.one("where number = ?", trim(number));
	}

	public Optional<Ticket> byToken(String token) {
		return tickets.one("where token = ?", trim(token));
	}

	/** The submitter follows a ticket with its number and the phone it was submitted with; a mismatch finds nothing. */
	public Optional<Ticket> follow(String number, String phone) {
		String digits = trim(phone).replace(" ", "");
		if (digits.isEmpty()) {
			return Optional.empty();
		}
		return tickets.one("where number = ? and phone_index = ?", trim(number), keys.blindIndex(digits));
	}

	public List<Ticket> ofAccount(UUID accountId) {
		return tickets.where("where account_id = ? order by created_at desc limit 200", accountId);
	}

	/** Waiting for a dispatcher: new and returned tickets, the most pressing first. */
	public List<Ticket> dispatchQueue() {
		return tickets.where("where status = any(?) order by dispatch_due limit 500", (Object) AWAITING_DISPATCH);
	}

	/** Recent tickets, for operators (any status). */
	public List<Ticket> recent(int limit) {
		return tickets.where("order by created_at desc limit ?", limit);
	}

	/** A department's tickets: where it leads or assists, open ones first. */
	public List<Ticket> ofDepartment(String departmentCode) {
		return tickets.where("where (lead_department = ? or ? = any(assisting)) and status <> ? "
				+ "order by (status = ?) desc, answer_due nulls last limit 500", departmentCode, departmentCode, TicketStatus.MERGED.name(),
				TicketStatus.DISPATCHED.name());
	}

	/** Open tickets past their limit in a region (by prefix), for supervisors. */
	public List<Ticket> overdue(String regionPrefix) {
		return tickets.where("where region_code like ? and ((status = any(?) and dispatch_due < now()) "
				+ "or (status = ? and answer_due < now())) order by created_at limit 500", regionPrefix + "%", AWAITING_DISPATCH,
				TicketStatus.DISPATCHED.name());
	}

	/** The ticket's history; {@code visibleOnly}: what the submitter sees. */
	public List<TicketLogEntry> history(TicketId id, boolean visibleOnly) {
		return tickets.history(id, visibleOnly);
	}

	public List<TicketAttachment> attachments(TicketId id) {
		return jdbc.sql("select id, file_id, name, content_type, size from hotline_attachment where ticket_id = ? order by id")
			.param(id.value())
			.query((rs, row) -> new TicketAttachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
			.list();
	}

	public Optional<String> numberOf(TicketId id) {
		return id == null ? Optional.empty()
				: jdbc.sql("select number from hotline_ticket where id = ?").param(id.value()).query(String.class).optional();
	}

	public String departmentName(String code) {
		return code == null ? "" : directory.departmentNames().getOrDefault(code, code);
	}

	/** Open311's GET requests (merged tickets are not requests of their own). */
	public List<Ticket> search(TicketQuery query) {
		StringBuilder sql = new StringBuilder("where status <> ?");
		List<Object> params = new ArrayList<>();
		params.add(TicketStatus.MERGED.name());
		if (!query.numbers().isEmpty()) {
			sql.append(" and number = any(?)");
			params.add(query.numbers().toArray(String[]::new));
		}
		if (!query.categories().isEmpty()) {
			sql.append(" and category_code = any(?)");
			params.add(query.categories().toArray(String[]::new));
		}
		if (query.start() != null) {
			sql.append(" and created_at >= ?");
			params.add(query.start());
		}
		if (query.end() != null) {
			sql.append(" and created_at <= ?");
			params.add(query.end());
		}
		boolean open = query.statuses().contains("open"), closed = query.statuses().contains("closed");
		if (open != closed) {
			sql.append(" and status = any(?)");
			params.add(open ? names(TicketStatus.OPEN) : names(Set.of(TicketStatus.CLOSED)));
		}
		sql.append(" order by created_at desc limit ?");
		params.add(query.limit());
		return tickets.where(sql.toString(), params.toArray());
	}
}
