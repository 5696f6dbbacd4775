package tongban.exchange;

import java.util.Map;

/**
 * A subject's record of a register as a scan hands it out: the subject's blind index (the same keyed index the
 * identity module finds an account's ID number by) and the fields asked for, each read recorded before it left.
 */
public record RegisterRecord(String subjectIndex, Map<String, String> values) {

	public String value(String field) {
		return values.getOrDefault(field, "");
	}
}
