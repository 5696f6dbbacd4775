package tongban.insight.dashboards;

import java.util.Optional;

import tongban.directory.DepartmentView;
import tongban.insight.IndicatorFilter;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;

/**
 * What a member of staff may see on the dashboard: a platform admin everything; a supervisor or a leader the region they
 * supervise (their department's region when none is set) and every department in it; a department admin their own
 * department. Anything outside is «not found» (404), as if it did not exist.
 *
 * @param region the region code they may see (everything inside it), null for everything
 * @param department the one department they may see, null for any in the region
 */
record DashboardScope(String region, String department) {

	static DashboardScope of(StaffMember me, Optional<DepartmentView> ownDepartment) {
		if (me.has(Role.PLATFORM_ADMIN)) {
			return new DashboardScope(null, null);
		}
		String ownRegion = me.regionScope() != null && !me.regionScope().isBlank() ? me.regionScope()
				: ownDepartment.map(DepartmentView::regionCode).orElse(null);
		if (ownRegion == null) {
			throw DomainException.notFound("page");
		}
		if (me.hasAny(Role.SUPERVISOR, Role.LEADER)) {
			return new DashboardScope(ownRegion, null);
		}
		if (me.has(Role.DEPT_ADMIN) && ownDepartment.isPresent()) {
			return new DashboardScope(ownRegion, ownDepartment.get().code());
		}
		throw DomainException.notFound("page");
	}

	/** Whether the region (a code) lies inside what they may see. */
	boolean covers(String regionCode) {
		if (region == null) {
			return true;
		}
		return regionCode != null && IndicatorFilter.regionPrefix(regionCode).startsWith(IndicatorFilter.regionPrefix(region));
	}

	/** Whether the department (of this region) is one they may see. */
	boolean covers(DepartmentView candidate) {
		return (department == null || department.equals(candidate.code())) && covers(candidate.regionCode());
	}
}
