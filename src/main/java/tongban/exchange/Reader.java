package tongban.exchange;

import tongban.identity.StaffMember;

/** Who reads: the department, and the system or staff member acting for it. */
public record Reader(String departmentCode, String clientId, String staffId, String staffName) {

	/** A member of staff reading for their department. */
	public static Reader staff(StaffMember staff) {
		return new Reader(staff.departmentCode(), null, staff.id().toString(), staff.name());
	}

	/** As the audit trail names the reader: the system, or else the staff member. */
	String actor() {
		return clientId != null ? "client:" + clientId : "staff:" + staffId;
	}
}
