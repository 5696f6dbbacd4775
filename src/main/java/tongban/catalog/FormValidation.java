package tongban.catalog;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tongban.catalog.FormDefinition.Field;
import tongban.catalog.FormDefinition.FieldType;
import tongban.shared.IdNumber;
import tongban.shared.MobileNumber;
import tongban.shared.Uscc;

/**
 * Server-side validation of an application against its item's {@link FormDefinition}. Values come in as a map: text
 * for scalar fields, a {@link FileRef} for a file, a list of row maps for a repeating group. The result holds the
 * cleaned values (trimmed, full-width digits folded, hidden fields dropped, empty group rows dropped) and every error
 * with its path ({@code key} or {@code group[1].key}) and a message code with arguments.
 */
public final class FormValidation {

	/** An uploaded file as far as the form is concerned; content checks belong to the file store. */
	public record FileRef(String name, String contentType, long size) {
	}

	public record FieldError(String path, String code, List<Object> args) {
	}

	public record Result(Map<String, Object> values, List<FieldError> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}

		public boolean hasError(String path) {
			return errors.stream().anyMatch(e -> e.path().equals(path));
		}
	}

	public static final int DEFAULT_FILE_MB = 10;
	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
	private static final Pattern REGION = Pattern.compile("\\d{6}");
	private static final Pattern ROW_PARAM = Pattern.compile("([a-zA-Z][a-zA-Z0-9_]*)\\[(\\d{1,3})]\\.([a-zA-Z][a-zA-Z0-9_]*)");

	private final Predicate<String> regionExists;

	public FormValidation(Predicate<String> regionExists) {
		this.regionExists = regionExists;
	}

	public Result validate(FormDefinition def, Map<String, ?> raw) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field f : def.topLevel()) {
			if (!visible(f, values)) {
				continue;
			}
			if (f.isGroup()) {
				values.put(f.key(), group(def, f, raw.get(f.key()), errors));
			}
			else {
				Object v = scalar(f, f.key(), raw.get(f.key()), errors);
				if (v != null) {
					values.put(f.key(), v);
				}
			}
		}
		return new Result(values, List.copyOf(errors));
	}

	private List<Map<String, Object>> group(FormDefinition def, Field g, Object raw, List<FieldError> errors) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Field> columns = def.children(g.key());
		if (raw instanceof List<?> list) {
			for (Object r : list) {
				if (r instanceof Map<?, ?> row && !blankRow(row)) {
					int i = rows.size();
					Map<String, Object> clean = new LinkedHashMap<>();
					for (Field c : columns) {
						if (visible(c, clean)) {
							Object v = scalar(c, g.key() + "[" + i + "]." + c.key(), row.get(c.key()), errors);
							if (v != null) {
								clean.put(c.key(), v);
							}
						}
					}
					rows.add(clean);
				}
			}
		}
		if (g.required() && rows.isEmpty()) {
			errors.add(new FieldError(g.key(), "form.error.group.required", List.of(g.label())));
		}
		if (g.maxItems() != null && rows.size() > g.maxItems()) {
			errors.add(new FieldError(g.key(), "form.error.group.max", List.of(g.label(), g.maxItems())));
		}
		return rows;
	}

	private static boolean blankRow(Map<?, ?> row) {
		return row.values().stream().allMatch(v -> v == null || v instanceof String s && s.isBlank());
	}

	private static boolean visible(Field f, Map<String, Object> scope) {
		if (f.showIf() == null || f.showIf().field() == null || f.showIf().field().isBlank()) {
			return true;
		}
		return scope.get(f.showIf().field()) instanceof String s && f.showIf().holds(s);
	}

	private Object scalar(Field f, String path, Object raw, List<FieldError> errors) {
		if (f.type() == FieldType.FILE) {
			return file(f, path, raw, errors);
		}
		String v = raw == null ? "" : String.valueOf(raw).strip();
		if (f.type() != FieldType.TEXT && f.type() != FieldType.TEXTAREA && f.type() != FieldType.ADDRESS && f.type() != FieldType.SELECT) {
			v = fold(v).strip();
		}
		if (v.isEmpty()) {
			if (f.required()) {
				errors.add(new FieldError(path, f.type() == FieldType.SELECT || f.type() == FieldType.REGION
						? "form.error.choose" : "form.error.required", List.of(f.label())));
			}
			return null;
		}
		String problem = null;
		List<Object> args = List.of(f.label());
		switch (f.type()) {
			case TEXT, TEXTAREA, ADDRESS -> {
				int max = f.maxLength() != null ? f.maxLength() : f.type() == FieldType.TEXTAREA ? 2000 : f.type() == FieldType.ADDRESS ? 200 : 100;
				if (v.length() > max) {
					problem = "form.error.tooLong";
					args = List.of(f.label(), max);
				}
				else if (f.type() == FieldType.ADDRESS && v.length() < 5) {
					problem = "form.error.address";
				}
			}
			case NUMBER -> {
				try {
					BigDecimal n = new BigDecimal(v);
					if (f.min() != null && n.compareTo(f.min()) < 0 || f.max() != null && n.compareTo(f.max()) > 0) {
						problem = "form.error.range";
						args = List.of(f.label(), f.min() == null ? "" : f.min().toPlainString(), f.max() == null ? "" : f.max().toPlainString());
					}
					else {
						v = n.toPlainString();
					}
				}
				catch (NumberFormatException e) {
					problem = "form.error.number";
				}
			}
			case DATE -> {
				Matcher m = DATE.matcher(v);
				problem = "form.error.date";
				if (m.matches()) {
					try {
						v = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toString();
						problem = null;
					}
					catch (DateTimeException e) {
						// reported as a date error
					}
				}
			}
			case SELECT -> {
				if (!f.options().contains(v)) {
					problem = "form.error.option";
				}
			}
			case REGION -> {
				if (!REGION.matcher(v).matches() || !regionExists.test(v)) {
					problem = "form.error.region";
				}
			}
			case ID_NUMBER -> {
				var p = IdNumber.check(v);
				if (p.isPresent()) {
					problem = "form.error.id." + p.get().name().toLowerCase(Locale.ROOT);
				}
				else {
					v = IdNumber.normalise(v);
				}
			}
			case USCC -> {
				var p = Uscc.check(v.toUpperCase(Locale.ROOT));
				if (p.isPresent()) {
					problem = "form.error.uscc." + p.get().name().toLowerCase(Locale.ROOT);
				}
				else {
					v = v.toUpperCase(Locale.ROOT);
				}
			}
			case PHONE -> {
				String compact = v.replaceAll("[\\s()（）]", "");
				if (compact.startsWith("+86")) {
					compact = compact.substring(3);
				}
				if (MobileNumber.valid(compact.replace("-", ""))) {
					v = compact.replace("-", "");
				}
				else if (MobileNumber.phone(compact)) {
					// not a mobile, even without hyphens: a landline with its area code
					v = compact;
				}
				else {
					problem = "form.error.phone";
				}
			}
			default -> problem = "form.error.type";
		}
		if (problem == null && f.pattern() != null && !f.pattern().isBlank() && !Pattern.compile(f.pattern()).matcher(v).matches()) {
			boolean hint = f.patternMessage() != null && !f.patternMessage().isBlank();
			problem = hint ? "form.error.patternHint" : "form.error.pattern";
			args = hint ? List.of(f.label(), f.patternMessage()) : List.of(f.label());
		}
		if (problem != null) {
			errors.add(new FieldError(path, problem, args));
			return null;
		}
		return v;
	}

	private static Object file(Field f, String path, Object raw, List<FieldError> errors) {
		if (!(raw instanceof FileRef file) || file.size() == 0) {
			if (f.required()) {
				errors.add(new FieldError(path, "form.error.file.required", List.of(f.label())));
			}
			return null;
		}
		String name = file.name() == null ? "" : file.name();
		String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		if (f.accept().stream().noneMatch(a -> a.equalsIgnoreCase(ext))) {
			errors.add(new FieldError(path, "form.error.file.type", List.of(f.label(), String.join("、", f.accept()))));
			return null;
		}
		int mb = f.maxSizeMb() == null ? DEFAULT_FILE_MB : f.maxSizeMb();
		if (file.size() > mb * 1024L * 1024L) {
			errors.add(new FieldError(path, "form.error.file.size", List.of(f.label(), mb)));
			return null;
		}
		return file;
	}

	/** Full-width digits, letters and signs typed with a Chinese input method become ASCII (not in free text). */
	static String fold(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			if (c >= '\uFF01' && c <= '\uFF5E') {
				b.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000') {
				b.append(' ');
			}
			else {
				b.append(c);
			}
		}
		return b.toString();
	}

	/**
	 * Values from an HTML form: {@code prefix + key} for a field, {@code prefix + group[i].key} for a group's column;
	 * files come separately under the same names.
	 */
	public static Map<String, Object> fromParameters(FormDefinition def, Map<String, String[]> params, Map<String, FileRef> files,
			String prefix) {
		Map<String, Object> out = new LinkedHashMap<>();
		Map<String, TreeMap<Integer, Map<String, Object>>> groups = new LinkedHashMap<>();
		BiConsumer<String, Object> put = (name, value) -> {
			if (!name.startsWith(prefix)) {
				return;
			}
			String key = name.substring(prefix.length());
			Matcher m = ROW_PARAM.matcher(key);
			if (m.matches()) {
				groups.computeIfAbsent(m.group(1), g -> new TreeMap<>())
					.computeIfAbsent(Integer.parseInt(m.group(2)), i -> new LinkedHashMap<>())
					.put(m.group(3), value);
			}
			else {
				out.put(key, value);
			}
		};
		params.forEach((name, v) -> put.accept(name, v == null || v.length == 0 ? "" : v[0]));
		files.forEach(put);
		for (Field g : def.fields()) {
			if (g.isGroup()) {
				out.put(g.key(), new ArrayList<>(groups.getOrDefault(g.key(), new TreeMap<>()).values()));
			}
		}
		return out;
	}
}
