package tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 24 §4: README.md's table of environment variables and the code agree. Every {@code TONGBAN_*} name the code,
 * the configuration ({@code src/main/resources/*.properties|yml|yaml}) or the scripts ({@code bin/}) mention is a row
 * of the table; every {@code TONGBAN_*} row is read by something: named literally there, or a setting the code reads
 * ({@code ${tongban.…}} placeholders, {@code @ConfigurationProperties} records) that Spring binds from that variable
 * (upper case, dots as underscores, dashes as underscores or left out). A row's placeholder such as
 * {@code TONGBAN_HOTLINE_DISPATCHLIMITS_<URGENCY>} stands for every key of a map setting.
 */
class EnvironmentVariablesTest {

	private static final Pattern NAME = Pattern.compile("TONGBAN_[A-Z0-9_]*[A-Z0-9]");
	private static final Pattern PLACEHOLDER_KEY = Pattern.compile("(?:\\$\\{|\")(tongban\\.[a-z0-9][a-z0-9.-]*[a-z0-9])");
	private static final Pattern PROPERTIES_RECORD = Pattern
		.compile("@ConfigurationProperties\\(\"(tongban[a-z0-9.-]*)\"\\)\\s*public\\s+record\\s+\\w+\\((.*?)\\)\\s*\\{", Pattern.DOTALL);

	/**
	 * Names that occur in the code but are no environment variable of ours, each with the reason. The lead removes the
	 * second at merge, when NotificationManagement's Javadoc says SPRING_MAIL_HOST (the variable the platform reads,
	 * Spring Boot's {@code spring.mail.host}) instead.
	 */
	private static final Map<String, String> NOT_VARIABLES = Map.of(
			"TONGBAN_SESSION", "the session cookie's name (server.servlet.session.cookie.name)");

	@Test
	void everyVariableTheCodeMentionsIsInTheReadmeTable() throws IOException {
		List<String> table = readmeNames();
		Map<String, Set<String>> mentioned = mentionedInCode();
		Map<String, Set<String>> missing = new TreeMap<>();
		mentioned.forEach((name, files) -> {
			if (!NOT_VARIABLES.containsKey(name) && table.stream().noneMatch(row -> matches(row, name))) {
				missing.put(name, files);
			}
		});
		assertThat(missing).as("TONGBAN_* names used in code, configuration or bin/ but missing from README.md's table of "
				+ "environment variables (name → where it is used); add a row for each").isEmpty();
	}

	@Test
	void everyVariableInTheReadmeTableIsReadBySomething() throws IOException {
		Set<String> literal = mentionedInCode().keySet();
		Set<String> settings = settingsTheCodeReads();
		List<String> unread = new ArrayList<>();
		for (String row : readmeNames()) {
			boolean named = literal.stream().anyMatch(name -> matches(row, name));
			boolean bound = settings.stream().anyMatch(key -> bindsFrom(key, row));
			if (!named && !bound) {
				unread.add(row);
			}
		}
		assertThat(unread).as("TONGBAN_* rows of README.md's table of environment variables that no code, configuration or "
				+ "bin/ script reads; remove the row or fix the name").isEmpty();
	}

	@Test
	void theTableWritesEveryNameInFull() throws IOException {
		List<String> abbreviated = new ArrayList<>();
		for (String cell : readmeFirstCells()) {
			Matcher code = Pattern.compile("`([^`]+)`").matcher(cell);
			while (code.find()) {
				if (!code.group(1).matches("[A-Z][A-Z0-9_]*(_<[A-Z]+>)?")) {
					abbreviated.add(code.group(1));
				}
			}
		}
		assertThat(abbreviated).as("names in README.md's table that are not written in full (so that they can be found)").isEmpty();
	}

	@Test
	void theRulesOfThisTestHoldOnExamples() {
		assertThat(matches("TONGBAN_HOTLINE_DISPATCHLIMITS_<URGENCY>", "TONGBAN_HOTLINE_DISPATCHLIMITS_GENERAL")).isTrue();
		assertThat(matches("TONGBAN_HOTLINE_DISPATCHLIMITS_<URGENCY>", "TONGBAN_HOTLINE_DISPATCHLIMITS")).isFalse();
		assertThat(matches("TONGBAN_DEMO", "TONGBAN_DEMO_HISTORY")).isFalse();
		assertThat(bindsFrom("tongban.clock.warn-at", "TONGBAN_CLOCK_WARN_AT")).isTrue();
		assertThat(bindsFrom("tongban.clock.warn-at", "TONGBAN_CLOCK_WARNAT")).isTrue();
		assertThat(bindsFrom("tongban.clock.warn-at", "TONGBAN_CLOCK_WARN")).isFalse();
		assertThat(bindsFrom("tongban.hotline.dispatch-limits", "TONGBAN_HOTLINE_DISPATCHLIMITS_<URGENCY>")).isTrue();
		assertThat(bindsFrom("tongban.hotline.dispatch-limits", "TONGBAN_HOTLINE_DISPATCHLIMITS")).isTrue();
		assertThat(kebab("phoneDistanceMetres")).isEqualTo("phone-distance-metres");
	}

	/** Whether a row of the table (perhaps with a {@code <KEY>} placeholder) names this variable. */
	static boolean matches(String row, String name) {
		int placeholder = row.indexOf("_<");
		if (placeholder < 0) {
			return row.equals(name);
		}
		String prefix = row.substring(0, placeholder + 1);
		return name.startsWith(prefix) && name.length() > prefix.length();
	}

	/** Whether Spring binds the setting {@code key} from the variable of this row (its map keys, for a placeholder row). */
	static boolean bindsFrom(String key, String row) {
		String variable = row.contains("_<") ? row.substring(0, row.indexOf("_<")) : row;
		String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
		return variable.equals(upper.replace("-", "")) || variable.equals(upper.replace('-', '_'));
	}

	static String kebab(String component) {
		return component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** The names in the first column of README.md's section "Environment variables", PORT and SPRING_* left out. */
	static List<String> readmeNames() throws IOException {
		List<String> names = new ArrayList<>();
		for (String cell : readmeFirstCells()) {
			Matcher code = Pattern.compile("`(TONGBAN_[A-Z0-9_]*(?:_<[A-Z]+>)?)`").matcher(cell);
			while (code.find()) {
				names.add(code.group(1));
			}
		}
		assertThat(names).as("rows of README.md's table of environment variables").hasSizeGreaterThan(20);
		return names;
	}

	private static List<String> readmeFirstCells() throws IOException {
		List<String> cells = new ArrayList<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
			if (line.startsWith("## ")) {
				inSection = line.strip().equals("## Environment variables");
				continue;
			}
			if (inSection && line.startsWith("| ") && !line.startsWith("| name ")) {
				cells.add(line.substring(1, line.indexOf('|', 1)));
			}
		}
		return cells;
	}

	/** Each TONGBAN_* name in src/main/java, the top-level configuration files and bin/, with the files it is in. */
	static Map<String, Set<String>> mentionedInCode() throws IOException {
		Map<String, Set<String>> names = new TreeMap<>();
		for (Path file : sources()) {
			Matcher name = NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (name.find()) {
				names.computeIfAbsent(name.group(), n -> new TreeSet<>()).add(file.toString());
			}
		}
		return names;
	}

	/** The tongban.* settings the code reads: placeholders and names in Java, and the components of settings records. */
	static Set<String> settingsTheCodeReads() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path file : javaSources()) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Matcher placeholder = PLACEHOLDER_KEY.matcher(text);
			while (placeholder.find()) {
				keys.add(placeholder.group(1));
			}
			Matcher record = PROPERTIES_RECORD.matcher(text);
			while (record.find()) {
				for (String component : components(record.group(2))) {
					keys.add(record.group(1) + "." + kebab(component));
				}
			}
		}
		return keys;
	}

	/** The names of a record's components, its header split at the commas outside type arguments. */
	private static List<String> components(String header) {
		List<String> names = new ArrayList<>();
		int depth = 0;
		StringBuilder part = new StringBuilder();
		for (char c : (header + ",").toCharArray()) {
			depth += c == '<' ? 1 : c == '>' ? -1 : 0;
			if (c == ',' && depth == 0) {
				String[] words = part.toString().strip().split("\\s+");
				names.add(words[words.length - 1]);
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		return names;
	}

	private static List<Path> sources() throws IOException {
		List<Path> files = new ArrayList<>(javaSources());
		try (Stream<Path> resources = Files.list(Path.of("src/main/resources"))) {
			resources.filter(Files::isRegularFile)
				.filter(p -> p.toString().matches(".*\\.(properties|yml|yaml)$"))
				.sorted()
				.forEach(files::add);
		}
		try (Stream<Path> scripts = Files.list(Path.of("bin"))) {
			scripts.filter(Files::isRegularFile).sorted().forEach(files::add);
		}
		return files;
	}

	private static List<Path> javaSources() throws IOException {
		try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
			return java.filter(p -> p.toString().endsWith(".java")).sorted().toList();
		}
	}
}
