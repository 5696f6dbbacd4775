package tongban.exchange;

import java.util.List;
import java.util.Optional;

/**
 * A resource of the catalogue (政务信息资源目录): a register a department provides, whose subjects are people or
 * companies, with how it is shared (UNCONDITIONAL, CONDITIONAL, NONE), its legal basis and its fields.
 */
public record Resource(String code, String name, String providerDepartmentCode, String subjectKind, String sharingClass,
		String updateFrequency, String legalBasis, String providingSystem, List<Field> fields) {

	/** A field of the resource: its name in records, its label, its type and how sensitive it is. */
	public record Field(String name, String label, String type, String sensitivity) {
	}

	public Optional<Field> field(String name) {
		return fields.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	public List<String> fieldNames() {
		return fields.stream().map(Field::name).toList();
	}

	public String label(String field) {
		return field(field).map(Field::label).orElse(field);
	}
}
