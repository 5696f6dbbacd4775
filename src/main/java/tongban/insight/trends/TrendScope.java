package tongban.insight.trends;

import org.springframework.stereotype.Component;

import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.identity.Role;
import tongban.identity.StaffMember;

/**
 * Whose figures a member of staff sees on the trends pages: a supervisor their region, platform admins and 12345
 * operators everything, anyone else their department's region. A department admin's forecasts are their own
 * department's items only ({@link #departmentOnly}).
 */
@Component
public class TrendScope {

	/** A prefix no region code has: nothing is in it. */
	static final String NOTHING = "-";

	private final DirectoryManagement directory;

	TrendScope(DirectoryManagement directory) {
		this.directory = directory;
	}

	/** The region prefix of what the member of staff may see ("" for everything). */
	public String regionPrefix(StaffMember staff) {
		if (staff.regionScope() != null && !staff.regionScope().isBlank()) {
			return staff.regionScope();
		}
		if (staff.hasAny(Role.PLATFORM_ADMIN, Role.HOTLINE_OPERATOR)) {
			return "";
		}
		if (staff.departmentCode() != null) {
			return directory.departmentByCode(staff.departmentCode()).map(d -> d.regionCode()).orElse(NOTHING);
		}
		return NOTHING;
	}

	/** The department whose items alone the member of staff sees in forecasts, null when not limited to one. */
	public String departmentOnly(StaffMember staff) {
		boolean wider = staff.hasAny(Role.SUPERVISOR, Role.LEADER, Role.PLATFORM_ADMIN, Role.HOTLINE_OPERATOR);
		return wider ? null : staff.departmentCode();
	}

	/** The name of a region (its code when the directory does not know it). */
	public String regionName(String code) {
		return code == null ? "" : directory.region(code).map(Region::name).orElse(code);
	}
}
