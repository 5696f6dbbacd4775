package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Both languages have the same keys, and every literal #{key} a template uses exists. */
class MessagesTest {

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.\\-]*)[}(]");
		Set<String> missing = new HashSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = literal.matcher(Files.readString(f));
				while (m.find()) {
					if (!keys.contains(m.group(1))) {
						missing.add(f.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}
}
