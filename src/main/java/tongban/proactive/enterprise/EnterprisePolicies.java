package tongban.proactive.enterprise;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.catalog.CatalogManagement;
import tongban.identity.StaffMember;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Conditions;
import tongban.shared.DomainException;

/**
 * The 惠企政策 of each department: department admins keep their own department's (another department's is "not found"),
 * each save checked (every condition over a field the business register has and the matching reads, named when it is
 * not; an item that is published; dates in order; the document's 文号 and an https page), audited, and followed by a new
 * matching of every company once it has committed.
 */
@Service
@Transactional
public class EnterprisePolicies {

	/** The business register fields the matching reads (and its grant names): conditions may use only these. */
	public static final List<String> FIELDS = List.of("uscc", "name", "status", "establishedOn", "industryCode", "industryName", "scale",
			"employees", "regionCode");

	private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, code, department_code, title, summary, benefit, conditions::text as conditions, valid_from, valid_until, item_code,
			document_number, document_url, version, updated_by, updated_at""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Conditions conditions;
	private final CatalogManagement catalog;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final RowMapper<EnterprisePolicy> rows;

	EnterprisePolicies(JdbcClient jdbc, JsonMapper json, Conditions conditions, CatalogManagement catalog, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.conditions = conditions;
		this.catalog = catalog;
		this.audit = audit;
		this.events = events;
		this.rows = (rs, row) -> new EnterprisePolicy(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("department_code"),
				rs.getString("title"), rs.getString("summary"), rs.getString("benefit"), json.readValue(rs.getString("conditions"), CONDITIONS),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rs.getString("item_code"),
				rs.getString("document_number"), rs.getString("document_url"), rs.getInt("version"), rs.getString("updated_by"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	/** The outcome of a save: the policy's code, or the problems by field (message keys, or a condition's own words). */
	public record Saved(String code, Map<String, String> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	@Transactional(readOnly = true)
	public List<EnterprisePolicy> ofDepartment(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from proactive_enterprise_policy where department_code = ? order by valid_from desc, code")
			.param(departmentCode)
			.query(rows)
			.list();
	}

	/** The department's policy with this code; "not found" for another department's. */
	@Transactional(readOnly = true)
	public EnterprisePolicy ofDepartment(String departmentCode, String code) {
		return byCode(code).filter(p -> p.departmentCode().equals(departmentCode)).orElseThrow(() -> DomainException.notFound("policy"));
	}

	@Transactional(readOnly = true)
	public Optional<EnterprisePolicy> byCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from proactive_enterprise_policy where code = ?").param(code).query(rows).optional();
	}

	@Transactional(readOnly = true)
	public Optional<EnterprisePolicy> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from proactive_enterprise_policy where id = ?").param(id).query(rows).optional();
	}

	/** Every policy in force on {@code day}. */
	@Transactional(readOnly = true)
	public List<EnterprisePolicy> inForce(LocalDate day) {
		return jdbc.sql("select " + COLUMNS + " from proactive_enterprise_policy where valid_from <= ? and (valid_until is null or valid_until >= ?)"
				+ " order by code")
			.params(day, day)
			.query(rows)
			.list();
	}

	/** How many companies each of the department's policies matched, by policy id (numbers only, no names). */
	@Transactional(readOnly = true)
	public Map<UUID, Long> matchCounts(String departmentCode) {
		Map<UUID, Long> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select p.id, count(m.subject_index) as matched from proactive_enterprise_policy p
				left join proactive_enterprise_match m on m.policy_id = p.id where p.department_code = ? group by p.id""")
			.param(departmentCode)
			.query((rs, row) -> counts.put(rs.getObject("id", UUID.class), rs.getLong("matched")))
			.list();
		return counts;
	}

	/**
	 * Saves a new policy ({@code code} null) or changes one of the staff member's department; answers its code or the
	 * problems. A change raises the policy's version, so a match shows which version decided it.
	 */
	public Saved save(StaffMember staff, String code, PolicyDraft draft) {
		EnterprisePolicy existing = code == null ? null : ofDepartment(staff.departmentCode(), code);
		Map<String, String> problems = problems(draft);
		if (!problems.isEmpty()) {
			return new Saved(code, problems);
		}
		LocalDate from = LocalDate.parse(draft.validFrom().strip());
		LocalDate until = blank(draft.validUntil()) ? null : LocalDate.parse(draft.validUntil().strip());
		String item = blank(draft.itemCode()) ? null : draft.itemCode().strip();
		String url = blank(draft.documentUrl()) ? null : draft.documentUrl().strip();
		String conditionsJson = json.writeValueAsString(draft.conditions().stream()
			.map(c -> new Condition(c.resource(), c.field(), c.operator(), c.value().strip()))
			.toList());
		UUID id;
		String savedCode;
		if (existing == null) {
			id = UUID.randomUUID();
			savedCode = "HQ" + String.format("%06d", jdbc.sql("select nextval('proactive_enterprise_policy_seq')").query(Long.class).single());
			jdbc.sql("""
					insert into proactive_enterprise_policy (id, code, department_code, title, summary, benefit, conditions, valid_from, valid_until,
					  item_code, document_number, document_url, updated_by) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
				.params(id, savedCode, staff.departmentCode(), draft.title().strip(), draft.summary().strip(), draft.benefit().strip(), conditionsJson,
						from, until, item, draft.documentNumber().strip(), url, staff.name())
				.update();
		}
		else {
			id = existing.id();
			savedCode = existing.code();
			jdbc.sql("""
					update proactive_enterprise_policy set title = ?, summary = ?, benefit = ?, conditions = ?::jsonb, valid_from = ?, valid_until = ?,
					  item_code = ?, document_number = ?, document_url = ?, version = version + 1, updated_by = ?, updated_at = now() where id = ?""")
				.params(draft.title().strip(), draft.summary().strip(), draft.benefit().strip(), conditionsJson, from, until, item,
						draft.documentNumber().strip(), url, staff.name(), id)
				.update();
		}
		audit.record(AuditTrail.PUBLISH, "staff:" + staff.id(), "enterprise-policy:" + savedCode,
				(existing == null ? "惠企政策新增：" : "惠企政策修改：") + draft.title().strip() + "，条件 " + conditionsJson + "，有效期 " + from + " 至 "
						+ (until == null ? "长期" : until));
		events.publishEvent(new EnterprisePolicySaved(id, savedCode));
		return new Saved(savedCode, Map.of());
	}

	private Map<String, String> problems(PolicyDraft draft) {
		Map<String, String> problems = new LinkedHashMap<>();
		text(problems, "title", draft.title(), 100);
		text(problems, "summary", draft.summary(), 1000);
		text(problems, "benefit", draft.benefit(), 500);
		if (draft.conditions().isEmpty()) {
			problems.put("conditions", "proactive.enterprise.error.conditions");
		}
		conditions.problems(draft.conditions()).forEach((index, message) -> problems.put("condition" + index, message));
		for (int index = 0; index < draft.conditions().size(); index++) {
			Condition condition = draft.conditions().get(index);
			if (problems.containsKey("condition" + index)) {
				continue;
			}
			if (!EnterprisePolicy.REGISTER.equals(condition.resource())) {
				problems.put("condition" + index, "proactive.enterprise.error.register");
			}
			else if (!FIELDS.contains(condition.field())) {
				problems.put("condition" + index, "惠企政策不按字段“" + condition.field() + "”匹配，可用的字段：" + String.join("、", FIELDS));
			}
			else if (condition.value().strip().length() > 200) {
				problems.put("condition" + index, "proactive.enterprise.error.value");
			}
		}
		Optional<LocalDate> from = date(draft.validFrom());
		if (from.isEmpty()) {
			problems.put("validFrom", "proactive.enterprise.error.validFrom");
		}
		if (!blank(draft.validUntil())) {
			Optional<LocalDate> until = date(draft.validUntil());
			if (until.isEmpty()) {
				problems.put("validUntil", "proactive.enterprise.error.validUntil");
			}
			else if (from.isPresent() && until.get().isBefore(from.get())) {
				problems.put("validUntil", "proactive.enterprise.error.order");
			}
		}
		if (!blank(draft.itemCode()) && (draft.itemCode().strip().length() > 60 || catalog.published(draft.itemCode().strip()).isEmpty())) {
			problems.put("itemCode", "proactive.enterprise.error.item");
		}
		text(problems, "documentNumber", draft.documentNumber(), 100);
		if (!blank(draft.documentUrl()) && !webPage(draft.documentUrl().strip())) {
			problems.put("documentUrl", "proactive.enterprise.error.documentUrl");
		}
		return problems;
	}

	private static void text(Map<String, String> problems, String field, String value, int max) {
		if (blank(value) || value.strip().length() > max) {
			problems.put(field, "proactive.enterprise.error." + field);
		}
	}

	private static boolean webPage(String url) {
		if (url.length() > 500) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return "https".equals(uri.getScheme()) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static Optional<LocalDate> date(String text) {
		if (blank(text)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
