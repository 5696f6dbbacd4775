package tongban.proactive.benefits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tongban.proactive.rules.Condition;

/**
 * One version of a 免申即享 benefit policy: whom it covers (conditions over one register's records), how much, how it
 * reaches them, how often, and on what legal basis. Every change saves a new version; a decision keeps the version
 * that made it.
 *
 * @param resourceCode the register the batch walks (each record a subject)
 * @param payeeField the record's field naming whom to pay (ID number or USCC): the subject themself, or e.g. the mother
 * @param payeeNameField the record's field with the payee's name
 * @param policyUrl the policy document (openness's public page, e.g. /policies/{id})
 */
public record BenefitPolicy(UUID id, int version, String code, String name, String departmentCode, String subjectKind, String resourceCode,
		List<Condition> conditions, AmountRule amountRule, BenefitMode mode, BenefitPeriod period, String payeeField, String payeeNameField,
		String legalBasis, String policyUrl, boolean active, String savedBy, Instant savedAt) {

	public BenefitPolicy {
		conditions = List.copyOf(conditions);
	}
}
