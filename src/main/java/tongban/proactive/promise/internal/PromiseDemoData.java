package tongban.proactive.promise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.ItemPromises;
import tongban.shared.DemoData;

/**
 * Demo 告知承诺 settings of three real items that take promises (食品经营许可, 公共场所卫生许可, 个体工商户设立登记's
 * 住所申报承诺), from data/proactive/promises.json, saved through catalog's API after the catalogue has loaded.
 */
@Component
@Order(60)
class PromiseDemoData implements ApplicationRunner {

	static final String FILE = "data/proactive/promises.json";

	record Entry(String itemCode, List<String> replaced, int samplePercent, int checkDays, String text) {
	}

	record File(String source, List<Entry> promises) {
	}

	private final DemoData demo;
	private final ItemPromises promises;
	private final JsonMapper json;

	PromiseDemoData(DemoData demo, ItemPromises promises, JsonMapper json) {
		this.demo = demo;
		this.promises = promises;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("proactive-promise", () -> {
			for (Entry e : read().promises()) {
				var problems = promises.save(e.itemCode(), null, "演示数据", e.text(), e.replaced(), e.samplePercent(), e.checkDays(), true);
				if (!problems.isEmpty()) {
					LoggerFactory.getLogger(PromiseDemoData.class).warn("demo promise of {} refused: {}", e.itemCode(), problems);
				}
			}
		});
	}

	private File read() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return json.readValue(in, File.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
