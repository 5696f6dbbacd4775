package tongban.casework;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tongban.catalog.FormDefinition;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.Masking;

/** How a case's answers and files are shown, the same to the applicant and to staff. */
public final class CaseAnswers {

	private CaseAnswers() {
	}

	/** Check-your-answers rows: label and the value as typed (groups one row per entry, files by name). */
	public static List<String[]> rows(FormDefinition def, Map<String, Object> values) {
		return rows(def, values, Map.of());
	}

	/**
	 * As {@link #rows(FormDefinition, Map)}, each row with a third cell: the register a value was taken from with the
	 * applicant's consent (免提交), or null when the applicant typed it.
	 */
	public static List<String[]> rows(FormDefinition def, Map<String, Object> values, Map<String, String> sources) {
		return rows(def, values, sources, false);
	}

	/**
	 * As {@link #rows(FormDefinition, Map, Map)}; {@code masked}: ID numbers, phone numbers and addresses shown masked
	 * (for staff, until they ask to see them in full).
	 */
	public static List<String[]> rows(FormDefinition def, Map<String, Object> values, Map<String, String> sources, boolean masked) {
		List<String[]> rows = new ArrayList<>();
		for (FormDefinition.Field f : def.topLevel()) {
			Object v = values.get(f.key());
			if (f.isGroup() && v instanceof List<?> list) {
				int n = 1;
				for (Object row : list) {
					if (row instanceof Map<?, ?> m) {
						List<String> parts = new ArrayList<>();
						for (FormDefinition.Field col : def.children(f.key())) {
							Object x = m.get(col.key());
							if (x != null && !String.valueOf(x).isBlank()) {
								parts.add(col.label() + "：" + (masked ? mask(col.type(), String.valueOf(x)) : x));
							}
						}
						rows.add(new String[] { f.label() + " " + n++, String.join("；", parts), null });
					}
				}
			}
			else if (v instanceof Map<?, ?> file) {
				rows.add(new String[] { f.label(), String.valueOf(file.get("name")), null });
			}
			else if (v != null && !String.valueOf(v).isBlank()) {
				rows.add(new String[] { f.label(), masked ? mask(f.type(), String.valueOf(v)) : String.valueOf(v), sources.get(f.key()) });
			}
		}
		return rows;
	}

	/** Whether the form has fields shown masked to staff (ID numbers, phone numbers, addresses). */
	public static boolean hasPersonalData(FormDefinition def) {
		return def.fields().stream()
			.anyMatch(f -> f.type() == FormDefinition.FieldType.ID_NUMBER || f.type() == FormDefinition.FieldType.PHONE
					|| f.type() == FormDefinition.FieldType.ADDRESS);
	}

	private static String mask(FormDefinition.FieldType type, String v) {
		return switch (type) {
			case ID_NUMBER -> Masking.idNumber(v);
			case PHONE -> Masking.mobile(v);
			case ADDRESS -> Masking.address(v);
			default -> v;
		};
	}

	/** A material file inline, with its detected type; never sniffed by the browser. */
	public static ResponseEntity<InputStreamResource> download(FileStore files, MaterialView material) {
		InputStream in = files.open(material.fileId()).orElseThrow(() -> DomainException.notFound("file"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(material.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(material.originalName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(in));
	}
}
