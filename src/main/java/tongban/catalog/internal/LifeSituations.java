package tongban.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Life-situation vocabulary kept as data beside the synonyms (data/catalog/life-situations.txt): how people ask
 * ("生孩子了要办什么", "身份证丢了") mapped to the items and bundles that answer it. Synonyms rewrite a term into its
 * equivalents; a situation names the codes to offer, because an everyday question rarely shares a word with the
 * item's official name.
 */
@Component
public class LifeSituations {

	/** One situation: the phrasings (each a set of words that must all occur) and the codes, best first. */
	record Situation(List<List<String>> phrasings, List<String> codes) {

		boolean mentionedIn(String query) {
			return phrasings.stream().anyMatch(words -> words.stream().allMatch(query::contains));
		}
	}

	private final List<Situation> situations;

	public LifeSituations() {
		this("data/catalog/life-situations.txt");
	}

	LifeSituations(String resource) {
		try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			situations = reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(LifeSituations::parse).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Situation parse(String line) {
		String[] sides = line.split("=>", 2);
		if (sides.length != 2) {
			throw new IllegalArgumentException("a life situation needs 说法 => 编码: " + line);
		}
		List<List<String>> phrasings = Arrays.stream(sides[0].split("\\|"))
			.map(p -> Arrays.stream(p.split("\\+")).map(String::strip).filter(w -> !w.isEmpty()).toList())
			.filter(words -> !words.isEmpty())
			.toList();
		List<String> codes = Arrays.stream(sides[1].strip().split("\\s+")).filter(c -> !c.isEmpty()).toList();
		return new Situation(phrasings, codes);
	}

	/** The codes (items and bundles) of every situation the query mentions, in the file's order, without repeats. */
	public List<String> codes(String query) {
		String compact = query.replace(" ", "");
		Set<String> out = new LinkedHashSet<>();
		for (Situation s : situations) {
			if (s.mentionedIn(compact)) {
				out.addAll(s.codes());
			}
		}
		return new ArrayList<>(out);
	}
}
