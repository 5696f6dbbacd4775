package tongban.hotline.web;

import org.springframework.security.access.AccessDeniedException;

import tongban.hotline.Ticket;
import tongban.hotline.TicketId;
import tongban.hotline.Tickets;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;

/**
 * What a member of staff may do with tickets: hotline operators take calls and dispatch; a department's approvers and
 * admins handle what it leads or assists; supervisors watch their region. Templates read it as {@code staffer}.
 */
public record HotlineRoles(StaffMember staff) {

	public boolean operator() {
		return staff.has(Role.HOTLINE_OPERATOR);
	}

	public boolean supervisor() {
		return staff.has(Role.SUPERVISOR);
	}

	public boolean handler() {
		return staff.departmentCode() != null && staff.hasAny(Role.APPROVER, Role.DEPT_ADMIN);
	}

	public boolean supervises(Ticket ticket) {
		return supervisor() && staff.regionScope() != null && ticket.regionCode().startsWith(staff.regionScope());
	}

	public boolean leads(Ticket ticket) {
		return handler() && staff.departmentCode().equals(ticket.leadDepartment());
	}

	public boolean assists(Ticket ticket) {
		return handler() && ticket.assisting().contains(staff.departmentCode());
	}

	/** Operators, the departments on the ticket and the supervisors of its region see it; for anyone else it does not exist. */
	public boolean mayView(Ticket ticket) {
		return operator() || leads(ticket) || assists(ticket) || supervises(ticket);
	}

	/** The ticket if this member of staff may see it; otherwise it does not exist for them. */
	Ticket visible(Tickets tickets, TicketId id) {
		return tickets.find(id).filter(this::mayView).orElseThrow(() -> DomainException.notFound("ticket"));
	}

	/** The ticket with this number (GD…) if this member of staff may see it; otherwise it does not exist for them. */
	Ticket visibleByNumber(Tickets tickets, String number) {
		return tickets.byNumber(number).filter(this::mayView).orElseThrow(() -> DomainException.notFound("ticket"));
	}

	/** The member of staff if they are a hotline operator; anyone else is denied (403), as before. */
	static StaffMember operator(StaffMember staff) {
		if (!new HotlineRoles(staff).operator()) {
			throw new AccessDeniedException("hotline operators only");
		}
		return staff;
	}
}
