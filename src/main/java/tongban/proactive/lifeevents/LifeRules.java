package tongban.proactive.lifeevents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.catalog.CatalogManagement;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.notification.Topic;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Conditions;

/**
 * The life-event rules in {@code proactive_life_rule}: read for evaluation, and saved from the console only when sound
 * (a known register and fields, conditions {@link Conditions#problems} accepts, a published item or offered bundle to
 * recommend, a reason), each save a new version recorded in the audit trail.
 */
@Service
@Transactional
public class LifeRules {

	private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> ITEMS = new TypeReference<>() {
	};

	private static final String COLUMNS = "code, name, topic, subject_kind, trigger_kind, occasion_kind, resource_code, conditions, person_fields, "
			+ "window_days, target_kind, target_code, licence_items, reason, version, enabled";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Conditions conditions;
	private final ResourceCatalogue catalogue;
	private final CatalogManagement catalog;
	private final AuditTrail audit;

	LifeRules(JdbcClient jdbc, JsonMapper json, Conditions conditions, ResourceCatalogue catalogue, CatalogManagement catalog, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.conditions = conditions;
		this.catalogue = catalogue;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<LifeRule> all() {
		return jdbc.sql("select " + COLUMNS + " from proactive_life_rule order by code").query((rs, n) -> rule(rs)).list();
	}

	@Transactional(readOnly = true)
	public List<LifeRule> enabled(LifeRule.Trigger trigger) {
		return jdbc.sql("select " + COLUMNS + " from proactive_life_rule where enabled and trigger_kind = ? order by code")
			.param(trigger.name())
			.query((rs, n) -> rule(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<LifeRule> rule(String code) {
		return jdbc.sql("select " + COLUMNS + " from proactive_life_rule where code = ?").param(code).query((rs, n) -> rule(rs)).optional();
	}

	/**
	 * The problems of a rule by form field (code, name, resource, conditions, personFields, windowDays, targetCode,
	 * licenceItems, reason), in plain Chinese; empty when it may be saved.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problems(LifeRule rule) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (rule.code() == null || !rule.code().matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
			problems.put("code", "编码只能由大写字母、数字和“-”组成，2 至 40 位");
		}
		if (rule.name() == null || rule.name().isBlank() || rule.name().length() > 60) {
			problems.put("name", "请填写规则名称（不超过 60 字）");
		}
		Optional<Resource> resource = rule.resource() == null ? Optional.empty() : catalogue.resource(rule.resource());
		if (rule.trigger() != LifeRule.Trigger.LICENCE_DUE && resource.isEmpty()) {
			problems.put("resource", "未知的资源目录：" + (rule.resource() == null ? "" : rule.resource()));
		}
		Map<Integer, String> conditionProblems = conditions.problems(rule.conditions());
		if (!conditionProblems.isEmpty()) {
			StringBuilder text = new StringBuilder();
			conditionProblems.forEach((index, problem) -> text.append(text.isEmpty() ? "" : "；").append("第 ").append(index + 1).append(" 条：")
				.append(problem));
			problems.put("conditions", text.toString());
		}
		resource.ifPresent(known -> rule.personFields().stream().filter(field -> known.field(field).isEmpty()).findFirst()
			.ifPresent(field -> problems.put("personFields", "资源“" + known.name() + "”中没有字段：" + field)));
		if (rule.windowDays() < 1 || rule.windowDays() > 3650) {
			problems.put("windowDays", "天数应为 1 至 3650 的整数");
		}
		if (!available(rule.targetKind(), rule.targetCode())) {
			problems.put("targetCode", "推荐的事项或“一件事”不存在或未发布：" + (rule.targetCode() == null ? "" : rule.targetCode()));
		}
		rule.licenceItems().values().stream().filter(item -> catalog.published(item).isEmpty()).findFirst()
			.ifPresent(item -> problems.put("licenceItems", "事项不存在或未发布：" + item));
		if (rule.reason() == null || rule.reason().isBlank() || rule.reason().length() > 200) {
			problems.put("reason", "请填写推荐理由（不超过 200 字）");
		}
		return problems;
	}

	/** Whether the item is published or the bundle offered now. */
	@Transactional(readOnly = true)
	public boolean available(LifeRule.TargetKind kind, String code) {
		if (kind == null || code == null) {
			return false;
		}
		return kind == LifeRule.TargetKind.ITEM ? catalog.published(code).isPresent() : catalog.bundle(code).isPresent();
	}

	/** Saves the rule as a new version when it has no problems; answers the problems otherwise (nothing saved). */
	public Map<String, String> save(LifeRule rule, String savedBy) {
		Map<String, String> problems = problems(rule);
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.sql("""
				insert into proactive_life_rule (code, name, topic, subject_kind, trigger_kind, occasion_kind, resource_code, conditions,
				  person_fields, window_days, target_kind, target_code, licence_items, reason, enabled, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (code) do update set name = excluded.name, topic = excluded.topic, subject_kind = excluded.subject_kind,
				  trigger_kind = excluded.trigger_kind, occasion_kind = excluded.occasion_kind, resource_code = excluded.resource_code,
				  conditions = excluded.conditions, person_fields = excluded.person_fields, window_days = excluded.window_days,
				  target_kind = excluded.target_kind, target_code = excluded.target_code, licence_items = excluded.licence_items,
				  reason = excluded.reason, enabled = excluded.enabled, updated_by = excluded.updated_by,
				  version = proactive_life_rule.version + 1, updated_at = now()""")
			.params(rule.code(), rule.name().strip(), rule.topic().name(), rule.subjectKind().name(), rule.trigger().name(),
					rule.occasionKind().name(), rule.trigger() == LifeRule.Trigger.LICENCE_DUE && rule.resource() != null && rule.resource().isBlank()
							? null : rule.resource(),
					json.writeValueAsString(rule.conditions()), String.join(",", rule.personFields()), rule.windowDays(), rule.targetKind().name(),
					rule.targetCode(), json.writeValueAsString(rule.licenceItems()), rule.reason().strip(), rule.enabled(), savedBy)
			.update();
		audit.record("LIFE_RULE", savedBy, "life-rule:" + rule.code(), "saved " + rule.name().strip() + (rule.enabled() ? "" : " (disabled)"));
		return Map.of();
	}

	private LifeRule rule(ResultSet rs) throws SQLException {
		String people = rs.getString("person_fields");
		return new LifeRule(rs.getString("code"), rs.getString("name"), Topic.valueOf(rs.getString("topic")),
				LifeRule.SubjectKind.valueOf(rs.getString("subject_kind")), LifeRule.Trigger.valueOf(rs.getString("trigger_kind")),
				LifeRule.OccasionKind.valueOf(rs.getString("occasion_kind")), rs.getString("resource_code"),
				json.readValue(rs.getString("conditions"), CONDITIONS),
				people == null || people.isBlank() ? List.of() : Arrays.stream(people.split(",")).map(String::strip).toList(), rs.getInt("window_days"),
				LifeRule.TargetKind.valueOf(rs.getString("target_kind")), rs.getString("target_code"), json.readValue(rs.getString("licence_items"), ITEMS),
				rs.getString("reason"), rs.getInt("version"), rs.getBoolean("enabled"));
	}
}
