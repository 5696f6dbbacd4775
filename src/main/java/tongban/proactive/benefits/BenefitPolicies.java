package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Conditions;
import tongban.shared.DomainException;

/**
 * The benefit policies of each department, versioned: saving a change writes a new version (the old ones stay, since
 * decisions keep the version that made them). A policy is refused when a condition names a resource or field the
 * exchange catalogue does not hold (named in the message, via {@link Conditions#problems}), when it reads another
 * register than the one it walks, or when its amount or payee names a field the register lacks.
 */
@Service
public class BenefitPolicies {

	private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Conditions conditions;
	private final ResourceCatalogue catalogue;
	private final AuditTrail audit;

	BenefitPolicies(JdbcClient jdbc, JsonMapper json, Conditions conditions, ResourceCatalogue catalogue, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.conditions = conditions;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	/** The latest version of each policy of a department, by code. */
	public List<BenefitPolicy> ofDepartment(String departmentCode) {
		return jdbc.sql("""
				select distinct on (id) * from proactive_benefit_policy where department_code = ? order by id, version desc""")
			.param(departmentCode)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.sorted((a, b) -> a.code().compareTo(b.code()))
			.toList();
	}

	/** The latest version of every active policy (for the monthly pass). */
	public List<BenefitPolicy> allActive() {
		return jdbc.sql("select distinct on (id) * from proactive_benefit_policy order by id, version desc")
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.filter(BenefitPolicy::active)
			.toList();
	}

	/** The latest version of a policy. */
	public Optional<BenefitPolicy> latest(UUID id) {
		return jdbc.sql("select * from proactive_benefit_policy where id = ? order by version desc limit 1").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** The latest version of a policy of this department (someone else's is not found). */
	public BenefitPolicy latestOf(UUID id, String departmentCode) {
		return latest(id).filter(p -> p.departmentCode().equals(departmentCode)).orElseThrow(() -> DomainException.notFound("benefit-policy"));
	}

	/** One version of a policy, as a decision names it. */
	public Optional<BenefitPolicy> version(UUID id, int version) {
		return jdbc.sql("select * from proactive_benefit_policy where id = ? and version = ?").params(id, version).query((rs, n) -> row(rs)).optional();
	}

	/** The latest version of the policy with this code. */
	public Optional<BenefitPolicy> byCode(String code) {
		return jdbc.sql("select * from proactive_benefit_policy where code = ? order by version desc limit 1").param(code).query((rs, n) -> row(rs)).optional();
	}

	/**
	 * Saves a draft as a new policy (no id) or as the next version of one of the department's policies. Answers the
	 * problems by field, empty when saved.
	 */
	@Transactional
	public Map<String, Problem> save(PolicyDraft draft, String departmentCode, String savedBy) {
		Map<String, Problem> problems = new LinkedHashMap<>();
		Optional<BenefitPolicy> previous = Optional.empty();
		if (draft.id() != null) {
			previous = Optional.of(latestOf(draft.id(), departmentCode));
		}
		String code = trim(draft.code());
		if (!code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
			problems.put("code", Problem.of("proactive.benefit.error.code"));
		}
		else if (previous.map(p -> !p.code().equals(code)).orElse(byCode(code).isPresent())) {
			problems.put("code", Problem.of("proactive.benefit.error.codeTaken"));
		}
		String name = trim(draft.name());
		if (name.isEmpty() || name.length() > 100) {
			problems.put("name", Problem.of("proactive.benefit.error.name"));
		}
		if (!List.of("PERSON", "COMPANY").contains(draft.subjectKind())) {
			problems.put("subjectKind", Problem.of("proactive.benefit.error.subjectKind"));
		}
		Optional<Resource> resource = catalogue.resource(trim(draft.resourceCode()));
		if (resource.isEmpty()) {
			problems.put("resourceCode", new Problem("proactive.benefit.error.resource", clip(draft.resourceCode())));
		}
		else if (!resource.get().subjectKind().equals(draft.subjectKind())) {
			problems.put("resourceCode", Problem.of("proactive.benefit.error.resourceKind"));
		}
		List<Condition> rules = draft.conditions();
		if (rules.isEmpty()) {
			problems.put("conditions", Problem.of("proactive.benefit.error.conditionsMissing"));
		}
		else {
			Map<Integer, String> found = conditions.problems(rules);
			if (!found.isEmpty()) {
				var first = found.entrySet().iterator().next();
				problems.put("conditions", new Problem("proactive.benefit.error.condition", (first.getKey() + 1) + "：" + first.getValue()));
			}
			else if (resource.isPresent() && rules.stream().anyMatch(c -> !c.resource().equals(resource.get().code()))) {
				problems.put("conditions", Problem.of("proactive.benefit.error.conditionsResource"));
			}
		}
		AmountRule amount = amountRule(draft, resource, problems);
		BenefitMode mode = parse(BenefitMode.class, draft.mode(), "mode", problems);
		BenefitPeriod period = parse(BenefitPeriod.class, draft.period(), "period", problems);
		for (String field : List.of("payeeField", "payeeNameField")) {
			String value = trim("payeeField".equals(field) ? draft.payeeField() : draft.payeeNameField());
			if (resource.isPresent() && resource.get().field(value).isEmpty()) {
				problems.put(field, new Problem("proactive.benefit.error.field", clip(value)));
			}
		}
		String legalBasis = trim(draft.legalBasis());
		if (legalBasis.isEmpty() || legalBasis.length() > 500) {
			problems.put("legalBasis", Problem.of("proactive.benefit.error.legalBasis"));
		}
		String url = trim(draft.policyUrl());
		if (!url.matches("(/policies(/[A-Za-z0-9-]{1,60})?|https://[^\\s]{4,280})")) {
			problems.put("policyUrl", Problem.of("proactive.benefit.error.policyUrl"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = previous.map(BenefitPolicy::id).orElseGet(UUID::randomUUID);
		int version = previous.map(p -> p.version() + 1).orElse(1);
		int written = jdbc.sql("""
				insert into proactive_benefit_policy (id, version, code, name, department_code, subject_kind, resource_code, conditions, amount_rule,
				  mode, period, payee_field, payee_name_field, legal_basis, policy_url, saved_by)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(id, version, code, name, departmentCode, draft.subjectKind(), resource.get().code(), json.writeValueAsString(rules),
					json.writeValueAsString(amount), mode.name(), period.name(), trim(draft.payeeField()), trim(draft.payeeNameField()), legalBasis, url,
					savedBy)
			.update();
		if (written == 0) {
			// someone saved the same code or version a moment before: the form is shown again rather than a failure
			problems.put("code", Problem.of("proactive.benefit.error.codeTaken"));
			return problems;
		}
		audit.record(AuditTrail.PUBLISH, savedBy, "benefit-policy:" + id, "benefit policy " + code + " saved as version " + version);
		return problems;
	}

	private AmountRule amountRule(PolicyDraft draft, Optional<Resource> resource, Map<String, Problem> problems) {
		String kind = trim(draft.amountKind());
		if (!AmountRule.KINDS.contains(kind)) {
			problems.put("amountKind", Problem.of("proactive.benefit.error.amountKind"));
			return null;
		}
		String field = trim(draft.amountField());
		if (!"FIXED".equals(kind) && resource.isPresent() && resource.get().field(field).isEmpty()) {
			problems.put("amountField", new Problem("proactive.benefit.error.field", clip(field)));
		}
		if ("AGE_BANDS".equals(kind)) {
			List<AmountRule.Band> bands = bands(draft.bands());
			if (bands.isEmpty()) {
				problems.put("bands", Problem.of("proactive.benefit.error.bands"));
			}
			return new AmountRule(kind, field, null, bands);
		}
		BigDecimal amount = money(draft.amount());
		if (amount == null) {
			problems.put("amount", Problem.of("proactive.benefit.error.amount"));
		}
		return new AmountRule(kind, "FIXED".equals(kind) ? null : field, amount, List.of());
	}

	/** "80:100；90:200" as bands; empty when any part is not an age and an amount. */
	static List<AmountRule.Band> bands(String text) {
		List<AmountRule.Band> bands = new ArrayList<>();
		if (text == null || text.isBlank() || text.length() > 300) {
			return List.of();
		}
		for (String part : text.split("[;；,，\\s]+")) {
			String[] ageAndAmount = part.split("[:：]");
			if (part.isBlank()) {
				continue;
			}
			if (ageAndAmount.length != 2 || !ageAndAmount[0].strip().matches("\\d{1,3}") || money(ageAndAmount[1]) == null) {
				return List.of();
			}
			bands.add(new AmountRule.Band(Integer.parseInt(ageAndAmount[0].strip()), money(ageAndAmount[1])));
		}
		return bands;
	}

	private static BigDecimal money(String text) {
		if (text == null || !text.strip().matches("\\d{1,9}(\\.\\d{1,2})?")) {
			return null;
		}
		BigDecimal value = new BigDecimal(text.strip());
		return value.signum() > 0 ? value : null;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, Problem> problems) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		problems.put(field, Problem.of("proactive.benefit.error." + field));
		return null;
	}

	private static String trim(String text) {
		return text == null ? "" : text.strip();
	}

	private static String clip(String text) {
		String trimmed = trim(text);
		return trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed;
	}

	private BenefitPolicy row(ResultSet rs) throws SQLException {
		return new BenefitPolicy(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("code"), rs.getString("name"),
				rs.getString("department_code"), rs.getString("subject_kind"), rs.getString("resource_code"),
				json.readValue(rs.getString("conditions"), CONDITIONS), json.readValue(rs.getString("amount_rule"), AmountRule.class),
				BenefitMode.valueOf(rs.getString("mode")), BenefitPeriod.valueOf(rs.getString("period")), rs.getString("payee_field"),
				rs.getString("payee_name_field"), rs.getString("legal_basis"), rs.getString("policy_url"), rs.getBoolean("active"),
				rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant());
	}
}
