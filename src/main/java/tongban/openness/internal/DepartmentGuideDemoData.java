package tongban.openness.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import tongban.openness.internal.DepartmentGuides.Category;
import tongban.openness.internal.DepartmentGuides.Section;
import tongban.shared.Clocks;
import tongban.shared.DemoData;

/** The demo departments' 公开指南 and 公开目录 (data/openness/guides.json), loaded once per database. */
@Component
@Order(90)
class DepartmentGuideDemoData implements ApplicationRunner {

	static final String FILE = "data/openness/guides.json";

	private final DemoData demo;
	private final DepartmentGuides guides;
	private final JsonMapper json;

	DepartmentGuideDemoData(DemoData demo, DepartmentGuides guides, JsonMapper json) {
		this.demo = demo;
		this.guides = guides;
		this.json = json;
	}

	record GuideFile(List<Map<String, String>> sources, List<DemoGuide> departments) {
	}

	/** One department's entry; name, office and phone repeat the directory and the guide's text for readers of the file. */
	record DemoGuide(String department, String name, String office, String phone, LocalDate updatedOn, List<Section> guide,
			List<Category> catalogue) {
	}

	static GuideFile read(JsonMapper json) {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return json.readValue(in, GuideFile.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("openness-guides", () -> read(json).departments()
			.forEach(g -> guides.put(g.department(), g.guide(), g.catalogue(),
					g.updatedOn() != null ? g.updatedOn() : LocalDate.now(Clocks.ZONE), "演示数据")));
	}
}
