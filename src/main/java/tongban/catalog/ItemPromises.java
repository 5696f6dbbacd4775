package tongban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * The 告知承诺 settings of items ({@link ItemPromise}): kept by the item's department admin (or a platform admin), read
 * by the guide page, by casework when an application is made and by the post-approval checks. A change of the wording
 * or of the replaced materials is a new version of the promise text; every change is audited.
 */
@Service
@Transactional
public class ItemPromises {

	/** The longest wording kept: the national template runs to about 1,500 characters. */
	public static final int MAX_TEXT = 5000;

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CatalogManagement catalog;
	private final AuditTrail audit;

	ItemPromises(JdbcClient jdbc, JsonMapper json, CatalogManagement catalog, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.catalog = catalog;
		this.audit = audit;
	}

	/** The item's promise as it is offered now, if it accepts one. */
	@Transactional(readOnly = true)
	public Optional<ItemPromise> offered(String itemCode) {
		return find(itemCode).filter(ItemPromise::active);
	}

	/** The item's promise settings, offered or switched off. */
	@Transactional(readOnly = true)
	public Optional<ItemPromise> find(String itemCode) {
		return jdbc.sql("""
				select item_code, department_code, version, text, replaced::text, sample_percent, check_days, active
				  from catalog_promise where item_code = ?""")
			.param(itemCode)
			.query((rs, n) -> new ItemPromise(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					json.readValue(rs.getString(5), NAMES), rs.getInt(6), rs.getInt(7), rs.getBoolean(8)))
			.optional();
	}

	/**
	 * What is wrong with these settings for the item's current guide, each at its field: {@code text} (blank or
	 * overlong; control characters are refused at the edge), {@code replaced} (none, or a name the guide does not list), {@code samplePercent}
	 * (outside 0–100), {@code checkDays} (outside 1–60).
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> problems(ServiceGuide guide, String text, List<String> replaced, Integer samplePercent, Integer checkDays) {
		List<FieldProblem> problems = new ArrayList<>();
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("text", "proactive.promise.item.error.text", List.of()));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(new FieldProblem("text", "proactive.promise.item.error.textLong", List.of(MAX_TEXT)));
		}
		List<String> listed = guide.materials().stream().map(ServiceGuide.Material::name).toList();
		if (replaced == null || replaced.isEmpty()) {
			problems.add(new FieldProblem("replaced", "proactive.promise.item.error.replaced", List.of()));
		}
		else if (!listed.containsAll(replaced)) {
			problems.add(new FieldProblem("replaced", "proactive.promise.item.error.unknownMaterial", List.of()));
		}
		if (samplePercent == null || samplePercent < 0 || samplePercent > 100) {
			problems.add(new FieldProblem("samplePercent", "proactive.promise.item.error.rate", List.of()));
		}
		if (checkDays == null || checkDays < 1 || checkDays > 60) {
			problems.add(new FieldProblem("checkDays", "proactive.promise.item.error.days", List.of()));
		}
		return problems;
	}

	/**
	 * Saves the item's promise settings as {@code editor} of {@code editorDepartment} (null for a platform admin, who
	 * keeps every department's). Another department's item is not found; settings with problems change nothing and
	 * are answered (each at its field).
	 */
	public List<FieldProblem> save(String itemCode, String editorDepartment, String editor, String text, List<String> replaced,
			Integer samplePercent, Integer checkDays, boolean active) {
		PublishedItem item = catalog.published(itemCode)
			.filter(i -> editorDepartment == null || i.guide().department().equals(editorDepartment))
			.orElseThrow(() -> DomainException.notFound("item"));
		List<FieldProblem> problems = problems(item.guide(), text, replaced, samplePercent, checkDays);
		if (!problems.isEmpty()) {
			return problems;
		}
		String wording = text.strip().replace("\r\n", "\n");
		List<String> names = item.guide().materials().stream().map(ServiceGuide.Material::name).filter(replaced::contains).toList();
		Optional<ItemPromise> before = find(itemCode);
		boolean newText = before.map(b -> !b.text().equals(wording) || !b.replaced().equals(names)).orElse(true);
		int version = before.map(b -> newText ? b.version() + 1 : b.version()).orElse(1);
		jdbc.sql("""
				insert into catalog_promise (item_code, department_code, version, text, replaced, sample_percent, check_days, active, updated_by)
				values (:code, :department, :version, :text, :replaced::jsonb, :rate, :days, :active, :editor)
				on conflict (item_code) do update set version = excluded.version, text = excluded.text, replaced = excluded.replaced,
				  sample_percent = excluded.sample_percent, check_days = excluded.check_days, active = excluded.active,
				  updated_by = excluded.updated_by, updated_at = now()""")
			.param("code", itemCode)
			.param("department", item.guide().department())
			.param("version", version)
			.param("text", wording)
			.param("replaced", json.writeValueAsString(names))
			.param("rate", samplePercent)
			.param("days", checkDays)
			.param("active", active)
			.param("editor", editor)
			.update();
		if (newText) {
			jdbc.sql("insert into catalog_promise_version (item_code, version, text, replaced, created_by) values (?, ?, ?, ?::jsonb, ?)")
				.params(itemCode, version, wording, json.writeValueAsString(names), editor)
				.update();
		}
		audit.record(AuditTrail.PUBLISH, editor, "item:" + itemCode, "告知承诺：第" + version + "版，替代" + String.join("、", names) + "，抽查"
				+ samplePercent + "%，" + checkDays + "个工作日内核查" + (active ? "" : "（已停用）"));
		catalog.evict(itemCode);
		return List.of();
	}
}
