package tongban.directory;

import java.util.UUID;

/** What other modules and the API see of a department. */
public record DepartmentView(UUID id, String code, String name, String shortName, String uscc, String regionCode,
		UUID parentId, String phone, String email, String address) {
}
