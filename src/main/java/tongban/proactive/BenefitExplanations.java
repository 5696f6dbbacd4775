package tongban.proactive;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.proactive.benefits.BenefitDecision;
import tongban.proactive.benefits.BenefitDecisions;
import tongban.proactive.benefits.BenefitPolicy;
import tongban.shared.DataKeys;

/**
 * The 免申即享 decisions about a person, each with how it was made (个人信息保护法 Art. 24): the policy version and its
 * legal basis, and a line per condition with the register value it used, as the decision's own page shows them. For
 * the privacy centre's list of automated decisions; the decision's page ({@link #link}) is where it is confirmed or
 * contested.
 */
@Service
public class BenefitExplanations {

	/** One decision: the policy, the amount and period, where it stands, and the rule and data that made it. */
	public record Explained(String policyName, int policyVersion, String legalBasis, BigDecimal amount, String period, String status,
			Instant decidedAt, List<String> lines, String link) {
	}

	private final BenefitDecisions decisions;
	private final IdentityManagement identity;
	private final DataKeys keys;

	BenefitExplanations(BenefitDecisions decisions, IdentityManagement identity, DataKeys keys) {
		this.decisions = decisions;
		this.identity = identity;
		this.keys = keys;
	}

	/** The decisions whose payee is the party (by the blind index of its ID number, as the batch wrote it), newest first. */
	@Transactional(readOnly = true)
	public List<Explained> of(Party party) {
		return identity.identifierOf(party).map(identifier -> keys.blindIndex(identifier.strip().toUpperCase())).map(index -> decisions.of(index).stream()
			.map(listed -> explained(decisions.ofPayee(listed.id(), index), party))
			.toList()).orElse(List.of());
	}

	private Explained explained(BenefitDecision decision, Party party) {
		BenefitPolicy policy = decisions.policyOf(decision);
		return new Explained(policy.name(), policy.version(), policy.legalBasis(), decision.amount(), decision.period(), decision.status().name(),
				decision.decidedAt(), decisions.explain(decision), link(party) + "/" + decision.id());
	}

	private static String link(Party party) {
		return party.kind() == Party.Kind.LEGAL_PERSON ? "/business/benefits" : "/account/benefits";
	}
}
