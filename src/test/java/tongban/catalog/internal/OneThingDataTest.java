package tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.Bundle;
import tongban.catalog.FormDefinition;
import tongban.catalog.PublishingGate;
import tongban.catalog.ServiceGuide;

/**
 * The shipped 一件事 data agrees with itself (issue #19): every bundle's items are in the demo catalogue with forms whose
 * shared keys mean the same (type and options), pass the publishing gate, and every prefill entry maps fields its item's
 * form asks for to fields its register has.
 */
class OneThingDataTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record BundleFile(String source, List<Bundle> bundles) {
	}

	record PrefillEntry(String item, String resource, String source, Map<String, String> fields) {
	}

	record ResourceField(String name) {
	}

	record ResourceEntry(String code, List<ResourceField> fields) {
	}

	private static <T> T read(String path, TypeReference<T> type) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JSON.readValue(in, type);
		}
	}

	private static Map<String, ServiceGuide> items() {
		return CatalogDemoData.read(JSON).items().stream().collect(Collectors.toMap(ServiceGuide::code, Function.identity()));
	}

	@Test
	void everyBundleIsMadeOfItemsWhoseFormsAgreeOnSharedFields() throws IOException {
		Map<String, ServiceGuide> items = items();
		List<Bundle> bundles = read("data/catalog/bundles.json", new TypeReference<BundleFile>() {
		}).bundles();
		assertThat(bundles).extracting(Bundle::code).contains("XH-YJS-SCHOOL", "XH-YJS-COMPANY-CHANGE", "XH-YJS-RETIRE", "XH-YJS-DISABLED",
				"XH-YJS-UTILITIES", "XH-YJS-POSTHUMOUS");
		for (Bundle b : bundles) {
			for (String code : b.items()) {
				ServiceGuide g = items.get(code);
				assertThat(g).as(b.code() + " lists " + code).isNotNull();
				assertThat(PublishingGate.check(g)).as(code).isEmpty();
				assertThat(g.servedParty()).as(code).contains(ServiceGuide.ServedParty.valueOf(b.audience()));
			}
			List<FormDefinition.Field> all = b.items().stream().flatMap(c -> items.get(c).applicationForm().fields().stream()).toList();
			for (FormDefinition.Field f : all) {
				assertThat(all.stream().filter(o -> o.key().equals(f.key())))
					.as(b.code() + ": every item asking " + f.key() + " asks the same question")
					.allMatch(o -> o.type() == f.type() && Objects.equals(o.options(), f.options()));
			}
		}
	}

	@Test
	void everyPrefillMapsFieldsTheFormAsksToFieldsTheRegisterHas() throws IOException {
		Map<String, ServiceGuide> items = items();
		Map<String, Set<String>> registers = read("data/exchange/resources.json", new TypeReference<List<ResourceEntry>>() {
		}).stream().collect(Collectors.toMap(ResourceEntry::code, r -> r.fields().stream().map(ResourceField::name).collect(Collectors.toSet())));
		List<PrefillEntry> entries = read("data/exchange/prefill.json", new TypeReference<List<PrefillEntry>>() {
		});
		assertThat(entries).extracting(PrefillEntry::item).doesNotHaveDuplicates();
		for (PrefillEntry e : entries) {
			Set<String> asked = items.get(e.item()).applicationForm().fields().stream().map(FormDefinition.Field::key).collect(Collectors.toSet());
			assertThat(asked).as(e.item()).containsAll(e.fields().keySet());
			assertThat(registers.get(e.resource())).as(e.resource()).containsAll(e.fields().values());
		}
	}
}
