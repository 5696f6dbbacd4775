package tongban.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An item's application form, kept as data with the item version it belongs to (a case keeps the version, so it keeps
 * the form it was filed with). Fields are a flat list in display order; a field whose {@code parent} names a
 * {@link FieldType#GROUP} field is a column of that repeating group. The same definition renders the form and drives
 * {@link FormValidation} on the server.
 */
public record FormDefinition(List<Field> fields) {

	public static final FormDefinition EMPTY = new FormDefinition(List.of());

	/** A key is what a value is stored under: a letter, then letters, digits or underscores. */
	public static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");

	public FormDefinition {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	public enum FieldType {
		TEXT, TEXTAREA, NUMBER, DATE, SELECT, REGION, ID_NUMBER, USCC, PHONE, ADDRESS, FILE, GROUP
	}

	/** Show the field only when the field named {@code field} has one of {@code values}. */
	public record Condition(String field, List<String> values) {

		public Condition {
			values = values == null ? List.of() : List.copyOf(values);
		}

		public boolean holds(String value) {
			return value != null && values.contains(value);
		}
	}

	/**
	 * The applicant's own identity a field asks for. For a citizen applying (for themself, or a proxy for the principal)
	 * such a field is not typed: it is filled from the party's account, shown locked, and the server overrides any other
	 * value, so nobody applies under another person's ID number.
	 */
	public enum Applicant { NAME, ID_NUMBER, PHONE }

	/**
	 * One field. {@code pattern} is a Java regular expression the whole value must match, with {@code patternMessage}
	 * shown when it does not; {@code min}/{@code max} bound numbers; {@code maxLength} bounds text; {@code options}
	 * are a select's choices; {@code maxItems} bounds a group's rows; {@code accept} lists a file's allowed extensions
	 * and {@code maxSizeMb} its size; {@code applicant} marks a top-level field as the applicant's own name, ID number
	 * or phone (null for anything else).
	 */
	public record Field(String key, String label, FieldType type, boolean required, String hint, String parent,
			Condition showIf, String pattern, String patternMessage, List<String> options, BigDecimal min, BigDecimal max,
			Integer maxLength, Integer maxItems, List<String> accept, Integer maxSizeMb, Applicant applicant) {

		public Field {
			options = options == null ? List.of() : List.copyOf(options);
			accept = accept == null ? List.of() : List.copyOf(accept);
		}

		/** A field that is not the applicant's own identity. */
		public Field(String key, String label, FieldType type, boolean required, String hint, String parent, Condition showIf,
				String pattern, String patternMessage, List<String> options, BigDecimal min, BigDecimal max, Integer maxLength,
				Integer maxItems, List<String> accept, Integer maxSizeMb) {
			this(key, label, type, required, hint, parent, showIf, pattern, patternMessage, options, min, max, maxLength, maxItems,
					accept, maxSizeMb, null);
		}

		public boolean isGroup() {
			return type == FieldType.GROUP;
		}
	}

	/** Top-level fields (not inside a group). */
	public List<Field> topLevel() {
		return fields.stream().filter(f -> f.parent() == null || f.parent().isBlank()).toList();
	}

	/** The columns of a group. */
	public List<Field> children(String group) {
		return fields.stream().filter(f -> group.equals(f.parent())).toList();
	}

	public boolean isEmpty() {
		return fields.isEmpty();
	}

	/** A mistake in the definition itself: which field (by position) and what. */
	public record Problem(int index, String property, String code) {
	}

	/**
	 * What is wrong with the definition: keys missing, malformed or repeated; labels missing; a select without options;
	 * a pattern that does not compile; min above max; a parent that is not an earlier group; a group inside a group; a
	 * condition on a field that does not come earlier in the same scope; a file without allowed types.
	 */
	public List<Problem> problems() {
		List<Problem> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Map<String, Field> earlier = new HashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			Field f = fields.get(i);
			String parent = f.parent() == null || f.parent().isBlank() ? null : f.parent();
			if (f.key() == null || !KEY.matcher(f.key()).matches()) {
				out.add(new Problem(i, "key", "form.def.key"));
			}
			else if (!seen.add(f.key())) {
				out.add(new Problem(i, "key", "form.def.duplicate"));
			}
			if (f.label() == null || f.label().isBlank()) {
				out.add(new Problem(i, "label", "form.def.label"));
			}
			if (f.type() == null) {
				out.add(new Problem(i, "type", "form.def.type"));
				continue;
			}
			if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
				out.add(new Problem(i, "options", "form.def.options"));
			}
			if (f.type() == FieldType.FILE && f.accept().isEmpty()) {
				out.add(new Problem(i, "accept", "form.def.accept"));
			}
			if (f.pattern() != null && !f.pattern().isBlank()) {
				try {
					Pattern.compile(f.pattern());
				}
				catch (PatternSyntaxException e) {
					out.add(new Problem(i, "pattern", "form.def.pattern"));
				}
			}
			if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
				out.add(new Problem(i, "max", "form.def.range"));
			}
			if (parent != null) {
				Field group = earlier.get(parent);
				if (group == null || !group.isGroup()) {
					out.add(new Problem(i, "parent", "form.def.parent"));
				}
				else if (f.isGroup()) {
					out.add(new Problem(i, "parent", "form.def.nested"));
				}
			}
			if (f.showIf() != null && f.showIf().field() != null && !f.showIf().field().isBlank()) {
				Field on = earlier.get(f.showIf().field());
				String onParent = on == null || on.parent() == null || on.parent().isBlank() ? null : on.parent();
				boolean sameScope = on != null && (onParent == null || onParent.equals(parent));
				if (!sameScope || on.isGroup() || f.showIf().values().isEmpty()) {
					out.add(new Problem(i, "showIf", "form.def.condition"));
				}
			}
			// the applicant's own identity is a top-level field of its type (a name is text)
			if (f.applicant() != null && (parent != null || f.type() != switch (f.applicant()) {
				case NAME -> FieldType.TEXT;
				case ID_NUMBER -> FieldType.ID_NUMBER;
				case PHONE -> FieldType.PHONE;
			})) {
				out.add(new Problem(i, "applicant", "form.def.applicant"));
			}
			if (f.key() != null) {
				earlier.putIfAbsent(f.key(), f);
			}
		}
		return out;
	}
}
