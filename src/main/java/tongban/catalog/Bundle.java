package tongban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 一件事一次办: several items applied for together — one combined form that asks each shared field once, one set of
 * materials (by name), one submission that files a case with each department.
 */
public record Bundle(String code, String name, String description, String audience, List<String> items) {

	/** The words every bundle's name ends with. */
	public static final String SUFFIX = "一件事";

	public Bundle {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** One material of the combined set: its name and where each item lists it (item code → index in its guide). */
	public record SharedMaterial(String name, ServiceGuide.Material material, Map<String, Integer> positions) {
	}

	/**
	 * The union of the items' forms: a field whose key an earlier item already asks for is asked once. It is required
	 * if any item requires it, and shown always if any item asks for it without a condition.
	 */
	public static FormDefinition combinedForm(List<ServiceGuide> guides) {
		Map<String, FormDefinition.Field> fields = new LinkedHashMap<>();
		for (ServiceGuide g : guides) {
			for (FormDefinition.Field f : g.applicationForm().fields()) {
				fields.merge(f.key(), f, (a, b) -> new FormDefinition.Field(a.key(), a.label(), a.type(), a.required() || b.required(),
						a.hint(), a.parent(), a.showIf() == null || b.showIf() == null ? null : a.showIf(), a.pattern(), a.patternMessage(),
						a.options(), a.min(), a.max(), a.maxLength(), a.maxItems(), a.accept(), a.maxSizeMb(),
						a.applicant() != null ? a.applicant() : b.applicant()));
			}
		}
		return new FormDefinition(new ArrayList<>(fields.values()));
	}

	/** The union of the items' materials by name, in order, with each item's own position. */
	public static List<SharedMaterial> combinedMaterials(List<ServiceGuide> guides) {
		Map<String, SharedMaterial> out = new LinkedHashMap<>();
		for (ServiceGuide g : guides) {
			for (int i = 0; i < g.materials().size(); i++) {
				ServiceGuide.Material m = g.materials().get(i);
				SharedMaterial s = out.computeIfAbsent(m.name(), n -> new SharedMaterial(n, m, new LinkedHashMap<>()));
				s.positions().put(g.code(), i);
			}
		}
		return new ArrayList<>(out.values());
	}
}
