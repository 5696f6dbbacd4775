package tongban.feedback;

import tongban.identity.Role;
import tongban.identity.StaffMember;

/** Who may do what with ratings: a department's admins and approvers work its tasks; supervisors watch their region. */
public final class FeedbackRoles {

	private FeedbackRoles() {
	}

	/** Whether the member of staff works the tasks of {@code department} (their own, as admin or approver). */
	public static boolean works(StaffMember staff, String department) {
		return department != null && department.equals(staff.departmentCode()) && staff.hasAny(Role.DEPT_ADMIN, Role.APPROVER);
	}

	/** Whether they work their own department's tasks. */
	public static boolean worksOwnDepartment(StaffMember staff) {
		return works(staff, staff.departmentCode());
	}

	/** Whether they supervise ratings of {@code region}. */
	public static boolean supervises(StaffMember staff, String region) {
		return supervisor(staff) && region != null && region.startsWith(RatingStatistics.prefix(staff.regionScope()));
	}

	/** Whether they supervise a region at all. */
	public static boolean supervisor(StaffMember staff) {
		return staff.has(Role.SUPERVISOR) && staff.regionScope() != null;
	}
}
