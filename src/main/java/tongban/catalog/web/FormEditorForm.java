package tongban.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.validation.Errors;

import tongban.catalog.FormDefinition;
import tongban.catalog.FormDefinition.Condition;
import tongban.catalog.FormDefinition.Field;
import tongban.catalog.FormDefinition.FieldType;

/**
 * The console's form editor as typed: one row per field, every property as text (lists one per line or separated
 * by commas or 、). Converts to and from a {@link FormDefinition}; number properties that do not parse are field errors.
 */
public class FormEditorForm {

	private List<Row> fields = new ArrayList<>();
	private Long lockVersion;

	public List<Row> getFields() {
		return fields;
	}

	public void setFields(List<Row> fields) {
		this.fields = fields;
	}

	public Long getLockVersion() {
		return lockVersion;
	}

	public void setLockVersion(Long lockVersion) {
		this.lockVersion = lockVersion;
	}

	public static FormEditorForm of(FormDefinition def, long lockVersion) {
		FormEditorForm form = new FormEditorForm();
		form.lockVersion = lockVersion;
		for (Field f : def.fields()) {
			Row r = new Row();
			r.key = f.key();
			r.label = f.label();
			r.type = f.type() == null ? "" : f.type().name();
			r.required = f.required();
			r.hint = f.hint();
			r.parent = f.parent();
			r.showIfField = f.showIf() == null ? null : f.showIf().field();
			r.showIfValues = f.showIf() == null ? null : String.join("、", f.showIf().values());
			r.pattern = f.pattern();
			r.patternMessage = f.patternMessage();
			r.options = String.join("\n", f.options());
			r.min = f.min() == null ? null : f.min().toPlainString();
			r.max = f.max() == null ? null : f.max().toPlainString();
			r.maxLength = f.maxLength() == null ? null : f.maxLength().toString();
			r.maxItems = f.maxItems() == null ? null : f.maxItems().toString();
			r.accept = String.join("、", f.accept());
			r.maxSizeMb = f.maxSizeMb() == null ? null : f.maxSizeMb().toString();
			r.applicant = f.applicant() == null ? null : f.applicant().name();
			form.fields.add(r);
		}
		return form;
	}

	/** The definition typed; unparsable numbers are rejected at their input (the definition's own checks come later). */
	public FormDefinition definition(Errors errors) {
		List<Field> out = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			Row r = fields.get(i);
			if (r == null) {
				continue;
			}
			String p = "fields[" + i + "].";
			FieldType type = null;
			try {
				type = r.type == null || r.type.isBlank() ? null : FieldType.valueOf(r.type.strip());
			}
			catch (IllegalArgumentException e) {
				errors.rejectValue(p + "type", "form.def.type");
			}
			Condition showIf = blank(r.showIfField) ? null : new Condition(r.showIfField.strip(), split(r.showIfValues, false));
			FormDefinition.Applicant applicant = null;
			try {
				applicant = blank(r.applicant) ? null : FormDefinition.Applicant.valueOf(r.applicant.strip());
			}
			catch (IllegalArgumentException e) {
				errors.rejectValue(p + "applicant", "form.def.applicant");
			}
			out.add(new Field(strip(r.key), strip(r.label), type, Boolean.TRUE.equals(r.required), strip(r.hint),
					strip(r.parent), showIf, strip(r.pattern), strip(r.patternMessage),
					r.options == null ? List.of() : r.options.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList(),
					decimal(r.min, p + "min", errors), decimal(r.max, p + "max", errors), integer(r.maxLength, p + "maxLength", errors),
					integer(r.maxItems, p + "maxItems", errors), split(r.accept, true), integer(r.maxSizeMb, p + "maxSizeMb", errors),
					applicant));
		}
		return new FormDefinition(out);
	}

	private static List<String> split(String s, boolean extensions) {
		if (blank(s)) {
			return List.of();
		}
		return Arrays.stream(s.split("[,，、;；\\s]+"))
			.map(String::strip)
			.map(v -> extensions ? v.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT) : v)
			.filter(v -> !v.isEmpty())
			.distinct()
			.toList();
	}

	private static BigDecimal decimal(String s, String field, Errors errors) {
		if (blank(s)) {
			return null;
		}
		try {
			return new BigDecimal(s.strip());
		}
		catch (NumberFormatException e) {
			errors.rejectValue(field, "form.def.number");
			return null;
		}
	}

	private static Integer integer(String s, String field, Errors errors) {
		if (blank(s)) {
			return null;
		}
		try {
			int n = Integer.parseInt(s.strip());
			if (n > 0 && n <= 10_000) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.rejectValue(field, "form.def.positive");
		return null;
	}

	private static String strip(String s) {
		return blank(s) ? null : s.strip();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** One field as typed. */
	public static class Row {

		private String key;
		private String label;
		private String type;
		private Boolean required;
		private String hint;
		private String parent;
		private String showIfField;
		private String showIfValues;
		private String pattern;
		private String patternMessage;
		private String options;
		private String min;
		private String max;
		private String maxLength;
		private String maxItems;
		private String accept;
		private String maxSizeMb;
		private String applicant;

		public static Row of(String key, String type) {
			Row r = new Row();
			r.key = key;
			r.type = type;
			if ("FILE".equals(type)) {
				r.accept = "pdf、jpg、png";
			}
			return r;
		}

		public String getKey() { return key; }
		public void setKey(String key) { this.key = key; }
		public String getLabel() { return label; }
		public void setLabel(String label) { this.label = label; }
		public String getType() { return type; }
		public void setType(String type) { this.type = type; }
		public Boolean getRequired() { return required; }
		public void setRequired(Boolean required) { this.required = required; }
		public String getHint() { return hint; }
		public void setHint(String hint) { this.hint = hint; }
		public String getParent() { return parent; }
		public void setParent(String parent) { this.parent = parent; }
		public String getShowIfField() { return showIfField; }
		public void setShowIfField(String showIfField) { this.showIfField = showIfField; }
		public String getShowIfValues() { return showIfValues; }
		public void setShowIfValues(String showIfValues) { this.showIfValues = showIfValues; }
		public String getPattern() { return pattern; }
		public void setPattern(String pattern) { this.pattern = pattern; }
		public String getPatternMessage() { return patternMessage; }
		public void setPatternMessage(String patternMessage) { this.patternMessage = patternMessage; }
		public String getOptions() { return options; }
		public void setOptions(String options) { this.options = options; }
		public String getMin() { return min; }
		public void setMin(String min) { this.min = min; }
		public String getMax() { return max; }
		public void setMax(String max) { this.max = max; }
		public String getMaxLength() { return maxLength; }
		public void setMaxLength(String maxLength) { this.maxLength = maxLength; }
		public String getMaxItems() { return maxItems; }
		public void setMaxItems(String maxItems) { this.maxItems = maxItems; }
		public String getAccept() { return accept; }
		public void setAccept(String accept) { this.accept = accept; }
		public String getMaxSizeMb() { return maxSizeMb; }
		public void setMaxSizeMb(String maxSizeMb) { this.maxSizeMb = maxSizeMb; }
		public String getApplicant() { return applicant; }
		public void setApplicant(String applicant) { this.applicant = applicant; }
	}
}
