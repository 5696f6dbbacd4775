package tongban.proactive.benefits;

import java.util.List;
import java.util.UUID;

import tongban.proactive.rules.Condition;

/**
 * A benefit policy as a department admin writes it, before it is checked: the text of the form. {@code bands} is
 * written "80:100；90:200；100:500" (from which age, how much a month).
 */
public record PolicyDraft(UUID id, String code, String name, String subjectKind, String resourceCode, List<Condition> conditions, String amountKind,
		String amountField, String amount, String bands, String mode, String period, String payeeField, String payeeNameField, String legalBasis,
		String policyUrl) {

	public PolicyDraft {
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
	}
}
