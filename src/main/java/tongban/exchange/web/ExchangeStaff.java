package tongban.exchange.web;

import org.springframework.security.access.AccessDeniedException;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;

/** Who may use the sharing layer's staff pages: staff of a department; grants and quality its admins; reports supervisors. */
final class ExchangeStaff {

	private ExchangeStaff() {
	}

	/** Staff read and ask for their department: one without a department may not. */
	static StaffMember ofDepartment(StaffMember staff) {
		if (staff.departmentCode() == null) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "staff without a department");
		}
		return staff;
	}

	static StaffMember admin(StaffMember staff) {
		if (!ofDepartment(staff).has(Role.DEPT_ADMIN)) {
			throw new AccessDeniedException("department admins only");
		}
		return staff;
	}

	static StaffMember supervisor(StaffMember staff) {
		if (!ofDepartment(staff).has(Role.SUPERVISOR)) {
			throw new AccessDeniedException("supervisors only");
		}
		return staff;
	}

	/** Counter clerks and approvers may show an ID number or address in full (recorded). */
	static boolean mayReveal(StaffMember staff) {
		return staff.hasAny(Role.COUNTER_CLERK, Role.APPROVER);
	}
}
