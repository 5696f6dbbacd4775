package tongban.openness.internal.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import tongban.shared.DemoData;

/** The demo knowledge entries (data/openness/knowledge.json, format in data/openness/README.md), curated, loaded once. */
@Component
@Order(97)
class KnowledgeDemoData implements ApplicationRunner {

	static final String FILE = "data/openness/knowledge.json";

	private final DemoData demo;
	private final KnowledgeBase base;
	private final JsonMapper json;

	KnowledgeDemoData(DemoData demo, KnowledgeBase base, JsonMapper json) {
		this.demo = demo;
		this.base = base;
		this.json = json;
	}

	record DemoFile(List<DemoEntry> entries) {
	}

	record DemoEntry(String key, String question, List<String> variants, String answer, String department, List<String> items,
			String owner, LocalDate reviewOn, List<KnowledgeEntry.Source> sources) {
	}

	static List<DemoEntry> read(JsonMapper json) {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return json.readValue(in, DemoFile.class).entries();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!new ClassPathResource(FILE).exists()) {
			LoggerFactory.getLogger(KnowledgeDemoData.class).warn("no demo knowledge entries at {}", FILE);
			return;
		}
		demo.loadOnce("openness-knowledge", () -> read(json).forEach(e -> base.save(new KnowledgeEntry(UUID.randomUUID(),
				KnowledgeOrigin.CURATED, e.key(), e.question(), e.variants(), e.answer(), e.department(), e.items(), e.owner(),
				e.reviewOn(), e.sources(), null, null, KnowledgeStatus.ACTIVE, "演示数据", null))));
	}
}
