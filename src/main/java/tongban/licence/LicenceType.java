package tongban.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tongban.shared.Uscc;

/**
 * A kind of licence as its defining authority sets it (GB/T 36904): its type code, the items whose approval issues it,
 * and the fields printed on it with where each value comes from ({@code form:<key>}, {@code number}, {@code issuer},
 * {@code issuedOn}, {@code validTo}, {@code newUscc}, {@code text:<fixed>}).
 */
public record LicenceType(String code, String name, String definingAuthority, String numberPrefix, String holderKind,
		Integer validityYears, List<String> items, List<Field> fields, List<String> sealTypes) {

	/** A printed field; {@code role} marks the ones of the catalogue (holder, number, issuer, dates). */
	public record Field(String label, String source, String role, Boolean masked) {

		public Field {
			masked = Boolean.TRUE.equals(masked);
		}
	}

	/** The catalogue fields a licence must carry (shared/STANDARDS.md), as roles of the template's fields. */
	public static final List<String> REQUIRED_ROLES = List.of("HOLDER_NAME", "HOLDER_CODE", "NUMBER", "ISSUER", "ISSUED_ON");

	/** Why the type cannot be saved: message keys with the offending part, empty when it is sound. */
	public List<String> problems() {
		List<String> out = new ArrayList<>();
		if (code == null || code.length() != 21 || !code.substring(18).chars().allMatch(Character::isDigit)
				|| Uscc.check(code.substring(0, 18)).isPresent()) {
			out.add("licence.type.error.code");
		}
		if (name == null || name.isBlank()) {
			out.add("licence.type.error.name");
		}
		if (!Set.of("CITIZEN", "LEGAL_PERSON").contains(holderKind)) {
			out.add("licence.type.error.holderKind");
		}
		Set<String> roles = fields == null ? Set.of() : fields.stream().map(Field::role).filter(r -> r != null).collect(Collectors.toSet());
		for (String r : REQUIRED_ROLES) {
			if (!roles.contains(r)) {
				out.add("licence.type.error.missing." + r);
			}
		}
		if (validityYears != null && validityYears > 0 && !roles.contains("VALID_TO")) {
			out.add("licence.type.error.missing.VALID_TO");
		}
		return out;
	}
}
