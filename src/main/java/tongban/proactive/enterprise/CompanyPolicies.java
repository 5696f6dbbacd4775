package tongban.proactive.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.proactive.rules.Conditions;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;

/**
 * The policies matched to a company, as the people acting for it see them on the company account: each with why it
 * matched in plain words (the register values and the policy's conditions, 个人信息保护法 第二十四条 in spirit), what it
 * gives, how to get it and until when. Only policies in force today; a citizen not acting for a company gets "not
 * found", and so does a policy the company did not match.
 */
@Service
@Transactional(readOnly = true)
public class CompanyPolicies {

	/** One matched policy with its reasons (one line per condition) and how to get it in words. */
	public record Matched(EnterprisePolicy policy, String companyName, List<String> reasons, String howToGet, OffsetDateTime matchedAt) {
	}

	private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final EnterprisePolicies policies;
	private final PolicyMatching matching;
	private final Conditions conditions;
	private final IdentityManagement identity;
	private final DataKeys keys;

	CompanyPolicies(JdbcClient jdbc, JsonMapper json, EnterprisePolicies policies, PolicyMatching matching, Conditions conditions,
			IdentityManagement identity, DataKeys keys) {
		this.jdbc = jdbc;
		this.json = json;
		this.policies = policies;
		this.matching = matching;
		this.conditions = conditions;
		this.identity = identity;
		this.keys = keys;
	}

	/** The policies in force matched to the company the party is, newest first; "not found" for a citizen. */
	public List<Matched> of(Party company) {
		String subject = subjectOf(company);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return jdbc.sql("""
				select m.policy_id, m.company_name, m.facts::text as facts, m.matched_at from proactive_enterprise_match m
				join proactive_enterprise_policy p on p.id = m.policy_id
				where m.subject_index = ? and p.valid_from <= ? and (p.valid_until is null or p.valid_until >= ?)
				order by m.matched_at desc, p.code""")
			.params(subject, today, today)
			.query((rs, row) -> new Row(rs.getObject("policy_id", UUID.class), rs.getString("company_name"), rs.getString("facts"),
					rs.getObject("matched_at", OffsetDateTime.class)))
			.list()
			.stream()
			.map(row -> matched(row, today))
			.flatMap(Optional::stream)
			.toList();
	}

	/** One policy matched to the company; "not found" when it did not match, has expired, or the party is no company. */
	public Matched one(Party company, String code) {
		return of(company).stream().filter(m -> m.policy().code().equals(code)).findFirst().orElseThrow(() -> DomainException.notFound("policy"));
	}

	private record Row(UUID policyId, String companyName, String facts, OffsetDateTime matchedAt) {
	}

	private Optional<Matched> matched(Row row, LocalDate today) {
		return policies.byId(row.policyId()).map(policy -> new Matched(policy, row.companyName(),
				conditions.explain(policy.conditions(), Map.of(EnterprisePolicy.REGISTER, json.readValue(row.facts(), FACTS)), today),
				matching.howToGet(policy), row.matchedAt()));
	}

	private String subjectOf(Party company) {
		if (company == null || company.kind() != Party.Kind.LEGAL_PERSON) {
			throw DomainException.notFound("policy");
		}
		String uscc = identity.identifierOf(company).orElseThrow(() -> DomainException.notFound("policy"));
		return keys.blindIndex(uscc);
	}
}
