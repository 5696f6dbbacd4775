package tongban.catalog.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.catalog.Bundle;
import tongban.catalog.CatalogManagement;
import tongban.catalog.CatalogManagement.StoredBundle;
import tongban.catalog.FormDefinition;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.shared.DomainException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一件事一次办 bundles in the console (platform admins): create, change, retire and restore, each audited. A bundle is
 * saved only when it names two to ten distinct published items that are handled online, for one audience, and the
 * items' forms agree on every field they share (the combined form asks a shared field once, so it must mean the same
 * thing everywhere). The shipped bundles are added on start when their code is missing.
 */
@Service
@Transactional
@Order(35)
public class BundleEditing implements ApplicationRunner {

	public static final int MIN_ITEMS = 2;
	public static final int MAX_ITEMS = 10;
	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
	public static final List<String> AUDIENCES = List.of("CITIZEN", "LEGAL_PERSON");

	/** The console's form: items as codes, one per line, in the order the combined form asks for them. */
	public static class BundleForm {

		private String code = "";
		private String name = "";
		private String description = "";
		private String audience = "CITIZEN";
		private String items = "";

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name == null ? "" : name.strip();
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description == null ? "" : description.strip();
		}

		public String getAudience() {
			return audience;
		}

		public void setAudience(String audience) {
			this.audience = audience;
		}

		public String getItems() {
			return items;
		}

		public void setItems(String items) {
			this.items = items == null ? "" : items;
		}

		public List<String> itemCodes() {
			return items.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		}

		public static BundleForm of(Bundle b) {
			BundleForm f = new BundleForm();
			f.setCode(b.code());
			f.setName(b.name());
			f.setDescription(b.description());
			f.setAudience(b.audience());
			f.setItems(String.join("\n", b.items()));
			return f;
		}
	}

	public record AuditEntry(OffsetDateTime at, String actorName, String action, String detail) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CatalogManagement catalog;

	BundleEditing(JdbcClient jdbc, JsonMapper json, CatalogManagement catalog) {
		this.jdbc = jdbc;
		this.json = json;
		this.catalog = catalog;
	}

	record BundleFile(String source, List<Bundle> bundles) {
	}

	/** Adds the shipped bundles whose code is missing (a retired one stays retired). */
	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (var in = new ClassPathResource("data/catalog/bundles.json").getInputStream()) {
			for (Bundle b : json.readValue(in, BundleFile.class).bundles()) {
				int added = jdbc.sql("""
						insert into catalog_bundle (code, name, description, audience, items, updated_by)
						values (?, ?, ?, ?, ?::jsonb, 'data/catalog/bundles.json') on conflict (code) do nothing""")
					.params(b.code(), b.name(), b.description(), b.audience(), json.writeValueAsString(b.items()))
					.update();
				if (added == 1) {
					audit(b.code(), "data/catalog/bundles.json", "CREATED", String.join(", ", b.items()));
				}
			}
		}
		catalog.bundlesChanged();
	}

	@Transactional(readOnly = true)
	public List<StoredBundle> list() {
		return catalog.storedBundles();
	}

	@Transactional(readOnly = true)
	public Optional<StoredBundle> find(String code) {
		return list().stream().filter(l -> l.bundle().code().equals(code)).findFirst();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> audit(String code) {
		return jdbc.sql("select at, actor_name, action, detail from catalog_bundle_audit where bundle_code = ? order by id desc")
			.param(code)
			.query(AuditEntry.class)
			.list();
	}

	/**
	 * Creates ({@code existing} null) or changes a bundle. Every problem is reported at its field; nothing is saved
	 * while any remains. Returns the bundle's code when saved.
	 */
	public Optional<String> save(String existing, BundleForm f, Errors errors, String actorName) {
		String code = existing == null ? f.getCode() : existing;
		if (existing == null) {
			if (!CODE.matcher(f.getCode()).matches()) {
				errors.rejectValue("code", "bundle.error.code");
			}
			else if (find(f.getCode()).isPresent()) {
				errors.rejectValue("code", "bundle.error.codeTaken", new Object[] { f.getCode() }, null);
			}
		}
		if (f.getName().isEmpty() || f.getName().length() > 60) {
			errors.rejectValue("name", "bundle.error.name");
		}
		if (f.getDescription().isEmpty() || f.getDescription().length() > 300) {
			errors.rejectValue("description", "bundle.error.description");
		}
		if (!AUDIENCES.contains(f.getAudience())) {
			errors.rejectValue("audience", "bundle.error.audience");
		}
		List<ServiceGuide> guides = items(f.itemCodes(), errors);
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		String items = json.writeValueAsString(f.itemCodes());
		if (existing == null) {
			jdbc.sql("insert into catalog_bundle (code, name, description, audience, items, updated_by) values (?, ?, ?, ?, ?::jsonb, ?)")
				.params(code, f.getName(), f.getDescription(), f.getAudience(), items, actorName)
				.update();
			audit(code, actorName, "CREATED", String.join(", ", f.itemCodes()));
		}
		else {
			StoredBundle before = find(existing).orElseThrow(() -> DomainException.notFound("bundle"));
			jdbc.sql("update catalog_bundle set name = ?, description = ?, audience = ?, items = ?::jsonb, updated_by = ?, updated_at = now() where code = ?")
				.params(f.getName(), f.getDescription(), f.getAudience(), items, actorName, code)
				.update();
			audit(code, actorName, "SAVED", changes(before.bundle(), f));
		}
		catalog.bundlesChanged();
		return Optional.of(code);
	}

	/** Retires (no longer offered; cases under it continue) or restores a bundle. */
	public void setActive(String code, boolean active, String actorName) {
		int changed = jdbc.sql("update catalog_bundle set active = ?, updated_by = ?, updated_at = now() where code = ? and active <> ?")
			.params(active, actorName, code, active)
			.update();
		if (find(code).isEmpty()) {
			throw DomainException.notFound("bundle");
		}
		if (changed == 1) {
			audit(code, actorName, active ? "RESTORED" : "RETIRED", null);
			catalog.bundlesChanged();
		}
	}

	/** The guides of the listed items, checked: published, online, distinct, their forms agreeing on shared fields. */
	private List<ServiceGuide> items(List<String> codes, Errors errors) {
		if (codes.size() < MIN_ITEMS || codes.size() > MAX_ITEMS) {
			errors.rejectValue("items", "bundle.error.itemCount", new Object[] { MIN_ITEMS, MAX_ITEMS }, null);
			return List.of();
		}
		Set<String> seen = new LinkedHashSet<>();
		List<ServiceGuide> guides = new ArrayList<>();
		for (String c : codes) {
			if (!seen.add(c)) {
				errors.rejectValue("items", "bundle.error.itemTwice", new Object[] { c }, null);
				continue;
			}
			Optional<PublishedItem> p = catalog.published(c);
			if (p.isEmpty()) {
				errors.rejectValue("items", "bundle.error.itemUnknown", new Object[] { c }, null);
			}
			else if (!p.get().guide().appliesOnline()) {
				errors.rejectValue("items", "bundle.error.itemOffline", new Object[] { c, p.get().guide().name() }, null);
			}
			else {
				guides.add(p.get().guide());
			}
		}
		Map<String, FormDefinition.Field> first = new LinkedHashMap<>();
		Map<String, String> firstItem = new LinkedHashMap<>();
		for (ServiceGuide g : guides) {
			for (FormDefinition.Field fd : g.applicationForm().fields()) {
				FormDefinition.Field other = first.putIfAbsent(fd.key(), fd);
				firstItem.putIfAbsent(fd.key(), g.name());
				if (other != null && (other.type() != fd.type() || !Objects.equals(other.options(), fd.options()))) {
					errors.rejectValue("items", "bundle.error.fieldConflict", new Object[] { fd.label(), firstItem.get(fd.key()), g.name() }, null);
				}
			}
		}
		return guides;
	}

	private static String changes(Bundle before, BundleForm after) {
		List<String> out = new ArrayList<>();
		if (!before.name().equals(after.getName())) {
			out.add("名称：" + before.name() + " → " + after.getName());
		}
		if (!before.description().equals(after.getDescription())) {
			out.add("说明已修改");
		}
		if (!before.audience().equals(after.getAudience())) {
			out.add("对象：" + before.audience() + " → " + after.getAudience());
		}
		if (!before.items().equals(after.itemCodes())) {
			out.add("事项：" + String.join(", ", before.items()) + " → " + String.join(", ", after.itemCodes()));
		}
		return out.isEmpty() ? "无变化" : String.join("；", out);
	}

	private void audit(String code, String actor, String action, String detail) {
		jdbc.sql("insert into catalog_bundle_audit (bundle_code, actor_name, action, detail) values (?, ?, ?, ?)")
			.params(code, actor, action, detail)
			.update();
	}
}
