package tongban.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.ServiceGuide;
import tongban.shared.DemoData;

/** The demo catalogue of 西湖区, written from real public service guides (data/catalog/demo-items.json). */
@Component
@Order(30)
class CatalogDemoData implements ApplicationRunner {

	static final String FILE = "data/catalog/demo-items.json";
	static final String FORMS = "data/catalog/demo-forms.json";

	private final DemoData demo;
	private final CatalogManagement catalog;
	private final JsonMapper json;

	CatalogDemoData(DemoData demo, CatalogManagement catalog, JsonMapper json) {
		this.demo = demo;
		this.catalog = catalog;
		this.json = json;
	}

	record DemoFile(String source, List<ServiceGuide> items) {
	}

	record DemoForms(String source, Map<String, FormDefinition> forms) {
	}

	/** The demo items, each with its application form where demo-forms.json has one. */
	static DemoFile read(JsonMapper json) {
		try (InputStream in = new ClassPathResource(FILE).getInputStream();
				InputStream f = new ClassPathResource(FORMS).getInputStream()) {
			DemoFile file = json.readValue(in, DemoFile.class);
			var forms = json.readValue(f, DemoForms.class).forms();
			return new DemoFile(file.source(), file.items().stream()
				.map(g -> forms.containsKey(g.code()) ? withBlankForm(g.withForm(forms.get(g.code()))) : g)
				.toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The application form (申请表/申请书) among the materials links to the printable blank form of the item. */
	static ServiceGuide withBlankForm(ServiceGuide g) {
		List<ServiceGuide.Material> materials = g.materials().stream()
			.map(m -> m.blankForm() == null && m.name().contains("申请") && (m.name().contains("表") || m.name().contains("书"))
					? new ServiceGuide.Material(m.name(), m.form(), m.necessity(), m.copies(), m.size(), m.source(), m.sourceNote(),
							m.licenceType(), m.standard(), m.legalBasis(), "/items/" + g.code() + "/form", m.sample())
					: m)
			.toList();
		return g.withMaterials(materials);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!new ClassPathResource(FILE).exists()) {
			LoggerFactory.getLogger(CatalogDemoData.class).warn("no demo catalogue at {}", FILE);
			return;
		}
		demo.loadOnce("catalog", () -> read(json).items().forEach(g -> catalog.importPublished(g, null, "演示数据")));
	}
}
