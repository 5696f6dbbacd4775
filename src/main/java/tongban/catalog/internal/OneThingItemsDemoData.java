package tongban.catalog.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.catalog.CatalogManagement;
import tongban.catalog.domain.CatalogItemRepository;
import tongban.shared.DemoData;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo database made before issue #19 loaded the catalogue once, without the items its 一件事 bundles need (a bundle is
 * offered only when every item is published): this adds the demo items it lacks, once. A fresh database has them all
 * already and gains nothing. Items it has keep their versions (their forms change through the console).
 */
@Component
@Order(31)
class OneThingItemsDemoData implements ApplicationRunner {

	private final DemoData demo;
	private final CatalogManagement catalog;
	private final JsonMapper json;
	private final CatalogItemRepository items;

	OneThingItemsDemoData(DemoData demo, CatalogManagement catalog, JsonMapper json, CatalogItemRepository items) {
		this.items = items;
		this.demo = demo;
		this.catalog = catalog;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("catalog-one-thing", () -> CatalogDemoData.read(json).items().stream()
			.filter(g -> items.findByCode(g.code()).isEmpty()) // one withdrawn since stays withdrawn
			.forEach(g -> catalog.importPublished(g, null, "演示数据")));
	}
}
