package tongban.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The category tree and the dispatch catalogue (category + region → lead and assisting departments), kept as data in
 * {@code data/hotline/categories.json}. Leaves are what a person chooses; Open311 calls them services.
 */
@Component
public class HotlineCatalogue {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Node(String code, String name, String urgency, String description, String keywords, List<Node> children) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Rule(String category, String region, String lead, List<String> assisting) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record File(List<Node> categories, List<Rule> dispatch) {
	}

	/** A category a person can choose, with the names of its ancestors as its group. */
	public record Category(String code, String name, String group, String path, String urgency, String description,
			String keywords) {
	}

	/** Who should handle a category in a region, by the catalogue. */
	public record Assignment(String lead, List<String> assisting) {
	}

	private final Map<String, Category> leaves = new LinkedHashMap<>();
	private final List<Rule> rules;
	private final Instant changedAt;

	HotlineCatalogue(JsonMapper json) {
		File file;
		Resource resource = new ClassPathResource("data/hotline/categories.json");
		this.changedAt = lastModified(resource);
		try (InputStream in = resource.getInputStream()) {
			file = json.readValue(in, File.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (Node top : file.categories()) {
			collect(top, List.of());
		}
		this.rules = file.dispatch();
	}

	private void collect(Node n, List<String> ancestors) {
		if (n.children() == null || n.children().isEmpty()) {
			String group = ancestors.isEmpty() ? n.name() : ancestors.getFirst();
			List<String> path = new ArrayList<>(ancestors);
			path.add(n.name());
			leaves.put(n.code(), new Category(n.code(), n.name(), group, String.join(" / ", path),
					n.urgency() == null ? "GENERAL" : n.urgency(), n.description() == null ? "" : n.description(),
					n.keywords() == null ? "" : n.keywords()));
			return;
		}
		List<String> next = new ArrayList<>(ancestors);
		next.add(n.name());
		for (Node c : n.children()) {
			collect(c, next);
		}
	}

	/**
	 * When the category tree last changed: the time of its file as built into the application (a new tree comes with a
	 * new build), or the epoch when the class path does not tell. Open311 discovery's {@code changeset}.
	 */
	public Instant changedAt() {
		return changedAt;
	}

	static Instant lastModified(Resource resource) {
		try {
			long at = resource.lastModified();
			return at > 0 ? Instant.ofEpochMilli(at) : Instant.EPOCH;
		}
		catch (IOException e) {
			return Instant.EPOCH;
		}
	}

	public List<Category> categories() {
		return List.copyOf(leaves.values());
	}

	/** Leaf code → name, for lists. */
	public Map<String, String> names() {
		Map<String, String> m = new LinkedHashMap<>();
		leaves.forEach((k, v) -> m.put(k, v.name()));
		return m;
	}

	public Optional<Category> category(String code) {
		return Optional.ofNullable(code == null ? null : leaves.get(code));
	}

	/** The most specific rule: longest category prefix, then longest region prefix. */
	public Optional<Assignment> assignment(String categoryCode, String regionCode) {
		return rules.stream()
			.filter(r -> categoryCode.startsWith(r.category()) && regionCode.startsWith(r.region()))
			.max(Comparator.<Rule>comparingInt(r -> r.category().length()).thenComparingInt(r -> r.region().length()))
			.map(r -> new Assignment(r.lead(), r.assisting() == null ? List.of() : List.copyOf(r.assisting())));
	}
}
