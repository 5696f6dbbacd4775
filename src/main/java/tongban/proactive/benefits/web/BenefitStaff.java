package tongban.proactive.benefits.web;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;

/** Who may do what on the 免申即享 workbench: staff of a department; policies and runs for its admins only. */
final class BenefitStaff {

	private BenefitStaff() {
	}

	static StaffMember ofDepartment(StaffMember staff) {
		if (staff.departmentCode() == null || !staff.hasAny(Role.APPROVER, Role.DEPT_ADMIN)) {
			throw new AccessDeniedException("department staff only");
		}
		return staff;
	}

	static StaffMember admin(StaffMember staff) {
		if (!ofDepartment(staff).has(Role.DEPT_ADMIN)) {
			throw new AccessDeniedException("department admins only");
		}
		return staff;
	}

	/** An id from a path; one that does not parse is simply not found. */
	static UUID id(String text, String what) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound(what);
		}
	}

	static String clip(String text, int max) {
		return text == null ? "" : text.length() > max ? text.substring(0, max) : text;
	}
}
