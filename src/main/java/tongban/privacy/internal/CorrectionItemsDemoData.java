package tongban.privacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.ServiceGuide;
import tongban.shared.DemoData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo item 个人信息更正申请 of each department that keeps a register of people (data/privacy/correction-items.json):
 * casework takes a case only for a published item, so a correction request needs one per department. Loaded once,
 * through the catalogue's import the way the demo catalogue is; an item the catalogue already has is left as it is.
 */
@Component
@Order(33)
class CorrectionItemsDemoData implements ApplicationRunner {

	static final String FILE = "data/privacy/correction-items.json";

	record ItemsFile(String source, List<ServiceGuide> items, FormDefinition form) {
	}

	private final DemoData demo;
	private final CatalogManagement catalog;
	private final JsonMapper json;

	CorrectionItemsDemoData(DemoData demo, CatalogManagement catalog, JsonMapper json) {
		this.demo = demo;
		this.catalog = catalog;
		this.json = json;
	}

	static ItemsFile read(JsonMapper json) {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return json.readValue(in, ItemsFile.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("privacy-correction-items", () -> {
			ItemsFile file = read(json);
			file.items().stream()
				.filter(g -> catalog.published(g.code()).isEmpty())
				.forEach(g -> catalog.importPublished(g.withForm(file.form()), null, "演示数据"));
		});
	}
}
