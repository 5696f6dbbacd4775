package tongban.exchange;

import java.util.List;

/** A read of a subject's record of a resource, for a purpose and a case; {@code fields} null or empty: every granted field. */
public record Lookup(String resourceCode, String subject, List<String> fields, String purpose, String caseNumber) {
}
