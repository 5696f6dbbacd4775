package tongban.identity.web;

import java.util.List;

/** A staff account to create: username, name, department code and staff roles. */
public record StaffForm(String username, String name, String departmentCode, List<String> roles) {

	public static StaffForm empty() {
		return new StaffForm("", "", "", List.of());
	}
}
