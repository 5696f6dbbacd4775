package tongban.hall.assist.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import tongban.casework.AssistedDrafts;
import tongban.casework.MaterialView;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.ServiceGuide;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * The part of a draft a helper fills in with the person, as one simple form: the top-level fields that are not the
 * applicant's own identity (those come from the account) and not files, and (at a home visit) the materials the
 * person hands over to be scanned. Field names are {@code v.<key>} and {@code m.<index>} as on the application pages.
 */
record DraftFields(List<DraftField> fields, List<MaterialSlot> materials, Map<String, String> errors) {

	static final String PREFIX = "v.";
	private static final Set<FormDefinition.FieldType> SKIPPED = Set.of(FormDefinition.FieldType.FILE, FormDefinition.FieldType.GROUP);

	/** One field: {@code kind} is text, textarea or select. */
	record DraftField(String key, String label, String kind, List<String> options, String value, String hint, boolean required) {
	}

	/** A material the person provides, and whether a file is on the draft already. */
	record MaterialSlot(int index, String name, boolean required, boolean uploaded) {
	}

	/** The form of the draft; each problem as its message text ({@code text}), by field. */
	static DraftFields of(AssistedDrafts.AssistedDraft draft, List<FieldProblem> problems, Function<FieldProblem, String> text) {
		List<DraftField> fields = new ArrayList<>();
		for (FormDefinition.Field f : editable(draft.guide())) {
			String kind = f.type() == FormDefinition.FieldType.SELECT ? "select" : f.type() == FormDefinition.FieldType.TEXTAREA ? "textarea" : "text";
			Object value = draft.draft().values().get(f.key());
			fields.add(new DraftField(f.key(), f.label(), kind, f.options(), value == null ? "" : String.valueOf(value), f.hint(), f.required()));
		}
		List<MaterialSlot> materials = new ArrayList<>();
		List<ServiceGuide.Material> required = draft.guide().materials();
		for (int i = 0; i < required.size(); i++) {
			ServiceGuide.Material m = required.get(i);
			if (!"GOVERNMENT".equals(m.source())) {
				int index = i;
				boolean uploaded = draft.draft().materials().stream().map(MaterialView::index).anyMatch(x -> x == index);
				materials.add(new MaterialSlot(i, m.name(), "REQUIRED".equals(m.necessity()), uploaded));
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : problems) {
			errors.putIfAbsent(p.field().isEmpty() ? "fields" : p.field(), text.apply(p));
		}
		return new DraftFields(fields, materials, errors);
	}

	private static List<FormDefinition.Field> editable(ServiceGuide guide) {
		return guide.applicationForm().topLevel().stream().filter(f -> !SKIPPED.contains(f.type()) && f.applicant() == null).toList();
	}

	/** The values of the editable fields as posted (others are not taken). */
	static Map<String, Object> values(AssistedDrafts.AssistedDraft draft, HttpServletRequest request) {
		Map<String, Object> posted = FormValidation.fromParameters(draft.guide().applicationForm(), request.getParameterMap(), Map.of(), PREFIX);
		Map<String, Object> out = new LinkedHashMap<>();
		for (FormDefinition.Field f : editable(draft.guide())) {
			if (posted.containsKey(f.key())) {
				out.put(f.key(), posted.get(f.key()));
			}
		}
		return out;
	}

	/** The scanned materials of a multipart post, by material index. */
	static Map<Integer, Upload> uploads(HttpServletRequest request) throws IOException {
		Map<Integer, Upload> out = new LinkedHashMap<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, MultipartFile> e : multipart.getFileMap().entrySet()) {
				if (!e.getValue().isEmpty() && e.getKey().matches("m\\.\\d{1,3}")) {
					out.put(Integer.parseInt(e.getKey().substring(2)), new Upload(e.getValue().getOriginalFilename(), e.getValue().getBytes()));
				}
			}
		}
		return out;
	}
}
