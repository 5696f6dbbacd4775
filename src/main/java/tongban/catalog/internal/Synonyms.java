package tongban.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The synonym list kept as data (data/catalog/synonyms.txt: one group of equivalent terms per line, comma
 * separated). A query is expanded into its variants: "社保卡补办" also searches "社会保障卡补办".
 */
@Component
public class Synonyms {

	static final int MAX_VARIANTS = 8;
	private final List<List<String>> groups = new ArrayList<>();

	public Synonyms() {
		try (var r = new BufferedReader(new InputStreamReader(new ClassPathResource("data/catalog/synonyms.txt").getInputStream(),
				StandardCharsets.UTF_8))) {
			r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
				List<String> g = new ArrayList<>();
				for (String t : l.split(",")) {
					if (!t.isBlank()) {
						g.add(t.strip());
					}
				}
				// longest first, so 居民身份证 is replaced before 身份证 inside it
				g.sort((a, b) -> b.length() - a.length());
				groups.add(g);
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<String> expand(String query) {
		Set<String> variants = new LinkedHashSet<>();
		variants.add(query);
		for (List<String> group : groups) {
			for (String term : group) {
				if (query.contains(term)) {
					for (String other : group) {
						if (!other.equals(term) && variants.size() < MAX_VARIANTS) {
							variants.add(query.replace(term, other));
						}
					}
					break;
				}
			}
		}
		return List.copyOf(variants);
	}
}
