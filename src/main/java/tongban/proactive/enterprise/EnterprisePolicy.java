package tongban.proactive.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import tongban.proactive.rules.Condition;

/**
 * A 惠企政策 (support policy for companies) as its department keeps it: what it gives, the conditions over the business
 * register that say which companies it is pushed to, the days it is in force, how a company gets it (an item of the
 * catalogue, or nothing to apply for: 免申即享) and the policy document (文号 and its public page).
 */
public record EnterprisePolicy(UUID id, String code, String departmentCode, String title, String summary, String benefit,
		List<Condition> conditions, LocalDate validFrom, LocalDate validUntil, String itemCode, String documentNumber, String documentUrl,
		int version, String updatedBy, OffsetDateTime updatedAt) {

	/** The register every condition of a policy reads: 市场主体登记信息. */
	public static final String REGISTER = "XH-SCJG-ZT";

	/** Whether the policy is in force on {@code day}: from its first day to its last (none: until further notice). */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	/** Whether a company gets it without applying (免申即享). */
	public boolean withoutApplication() {
		return itemCode == null;
	}
}
