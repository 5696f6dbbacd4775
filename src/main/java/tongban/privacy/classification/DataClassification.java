package tongban.privacy.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one statement of how the platform classifies the data it holds ({@code data-classification.yaml}, versioned
 * with the schema it describes; ADR 0053): each table column holding personal data, and each resource of the exchange
 * catalogue, with its level under the 数据安全法 Art. 21 (一般数据, 重要数据, 核心数据), whether it is 敏感个人信息 under
 * the 个人信息保护法 Art. 28 (ID numbers, biometrics, health, financial accounts, whereabouts, minors' data), and the
 * purpose it is processed for (Art. 6: a clear and reasonable purpose, the least needed). DataClassificationIT holds the
 * file against the live schema after Flyway, so a new column of personal data, or a column dropped, fails the build.
 */
public record DataClassification(List<Column> columns, List<Exemption> exemptions, List<ResourceClass> resources) {

	/** The file on the classpath. */
	public static final String LOCATION = "data-classification.yaml";

	/** 数据安全法 Art. 21: data graded by its importance to the state, the public and persons if leaked or misused. */
	public enum Level {
		/** 一般数据. */
		GENERAL,
		/** 重要数据. */
		IMPORTANT,
		/** 核心数据. */
		CORE
	}

	/** One column of a table: what it holds, how it is graded, why the platform keeps it. */
	public record Column(String table, String column, Level level, boolean sensitive, String holds, String purpose) {
	}

	/** A column whose name looks like personal data but holds none (a service item's name), with the reason. */
	public record Exemption(String table, String column, String reason) {
	}

	/** One resource of the exchange catalogue (政务信息资源目录), by its code. */
	public record ResourceClass(String code, Level level, boolean sensitive, String purpose) {
	}

	public DataClassification {
		columns = List.copyOf(columns);
		exemptions = List.copyOf(exemptions);
		resources = List.copyOf(resources);
	}

	/** The platform's classification, read from the classpath. */
	public static DataClassification load() {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			return parse(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Optional<Column> column(String table, String column) {
		return columns.stream().filter(c -> c.table().equals(table) && c.column().equals(column)).findFirst();
	}

	public Optional<Exemption> exemption(String table, String column) {
		return exemptions.stream().filter(e -> e.table().equals(table) && e.column().equals(column)).findFirst();
	}

	public Optional<ResourceClass> resource(String code) {
		return resources.stream().filter(r -> r.code().equals(code)).findFirst();
	}

	/** The columns by table, in the file's order. */
	public Map<String, List<Column>> byTable() {
		Map<String, List<Column>> tables = new LinkedHashMap<>();
		columns.forEach(c -> tables.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
		return tables;
	}

	@SuppressWarnings("unchecked")
	static DataClassification parse(InputStream in) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		List<Column> columns = new ArrayList<>();
		Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) root.getOrDefault("tables", Map.of());
		tables.forEach((table, entry) -> {
			String purpose = text(entry, "purpose", table);
			((Map<String, Map<String, Object>>) entry.getOrDefault("columns", Map.of())).forEach((column, grade) -> columns.add(new Column(table,
					column, level(grade, table + "." + column), Boolean.TRUE.equals(grade.get("sensitive")), text(grade, "holds", column),
					grade.containsKey("purpose") ? text(grade, "purpose", column) : purpose)));
		});
		List<Exemption> exemptions = new ArrayList<>();
		((Map<String, String>) root.getOrDefault("exempt", Map.of())).forEach((name, reason) -> {
			String[] parts = name.split("\\.", 2);
			if (parts.length != 2 || reason == null || reason.isBlank()) {
				throw new IllegalStateException(LOCATION + ": an exemption is table.column: reason, not " + name);
			}
			exemptions.add(new Exemption(parts[0], parts[1], reason));
		});
		List<ResourceClass> resources = new ArrayList<>();
		((Map<String, Map<String, Object>>) root.getOrDefault("resources", Map.of())).forEach((code, grade) -> resources
			.add(new ResourceClass(code, level(grade, code), Boolean.TRUE.equals(grade.get("sensitive")), text(grade, "purpose", code))));
		return new DataClassification(columns, exemptions, resources);
	}

	private static Level level(Map<String, Object> grade, String where) {
		Object level = grade.get("level");
		if (level == null) {
			throw new IllegalStateException(LOCATION + ": no level for " + where);
		}
		return Level.valueOf(level.toString());
	}

	private static String text(Map<String, Object> entry, String key, String where) {
		Object value = entry.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException(LOCATION + ": no " + key + " for " + where);
		}
		return value.toString();
	}
}
