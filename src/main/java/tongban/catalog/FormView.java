package tongban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;

import tongban.catalog.FormDefinition.Field;

/**
 * What the {@code fragments/appform} template renders for a {@link FormDefinition}: each field with its HTML name and
 * id, current value, error message and condition, groups with their rows, and the error summary. Built on the server
 * so that the console preview and the application pages of later modules render one form the same way.
 */
public record FormView(List<Item> items, List<ErrorLink> errors) {

	public record ErrorLink(String id, String message) {
	}

	public record Row(int index, List<Item> cells) {
	}

	/**
	 * One field: {@code showField}/{@code showValues} carry its condition for the page's script and
	 * {@code conditionLabel}/{@code conditionValues} say it in words for readers without script.
	 */
	public record Item(Field field, String id, String name, String value, String error, String showField, String showValues,
			String conditionLabel, String conditionValues, List<Row> rows) {

		public String type() {
			return field.type().name();
		}
	}

	/**
	 * @param values the values to show (as from {@link FormValidation#fromParameters}); groups show at least one row,
	 *        and {@code extraRow} adds an empty row to that group (the no-script "add a row" button)
	 * @param errors errors from {@link FormValidation}, resolved to messages in {@code locale}
	 * @param prefix prefix of every HTML name, so the form can sit inside another
	 */
	public static FormView of(FormDefinition def, Map<String, ?> values, List<FormValidation.FieldError> errors, String prefix,
			String extraRow, MessageSource messages, Locale locale) {
		Function<String, String> error = path -> errors.stream()
			.filter(e -> e.path().equals(path))
			.findFirst()
			.map(e -> messages.getMessage(e.code(), e.args().toArray(), e.code(), locale))
			.orElse(null);
		List<Item> items = new ArrayList<>();
		for (Field f : def.topLevel()) {
			List<Row> rows = List.of();
			if (f.isGroup()) {
				rows = new ArrayList<>();
				List<?> given = values.get(f.key()) instanceof List<?> l ? l : List.of();
				int count = Math.max(1, given.size()) + (f.key().equals(extraRow) ? 1 : 0);
				if (f.maxItems() != null) {
					count = Math.min(count, Math.max(1, f.maxItems()));
				}
				for (int i = 0; i < count; i++) {
					Map<?, ?> row = i < given.size() && given.get(i) instanceof Map<?, ?> m ? m : Map.of();
					List<Item> cells = new ArrayList<>();
					for (Field c : def.children(f.key())) {
						String path = f.key() + "[" + i + "]." + c.key();
						cells.add(item(def, c, path, prefix, row.get(c.key()), error.apply(path), List.of()));
					}
					rows.add(new Row(i, cells));
				}
			}
			items.add(item(def, f, f.key(), prefix, values.get(f.key()), error.apply(f.key()), rows));
		}
		List<ErrorLink> links = errors.stream()
			.map(e -> new ErrorLink(id(prefix, e.path()), messages.getMessage(e.code(), e.args().toArray(), e.code(), locale)))
			.toList();
		return new FormView(items, links);
	}

	private static Item item(FormDefinition def, Field f, String path, String prefix, Object value, String error, List<Row> rows) {
		String showField = null;
		String showValues = null;
		String conditionLabel = null;
		String conditionValues = null;
		if (f.showIf() != null && f.showIf().field() != null && !f.showIf().field().isBlank()) {
			String scope = path.contains("].") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
			showField = prefix + scope + f.showIf().field();
			showValues = String.join("|", f.showIf().values());
			conditionLabel = def.fields().stream().filter(o -> o.key().equals(f.showIf().field())).findFirst()
				.map(Field::label).orElse(f.showIf().field());
			conditionValues = String.join("、", f.showIf().values());
		}
		String text = value instanceof FormValidation.FileRef file ? file.name() : value instanceof String s ? s : null;
		return new Item(f, id(prefix, path), prefix + path, text, error, showField, showValues, conditionLabel, conditionValues, rows);
	}

	/** An HTML id for a path: {@code v.members[0].name} becomes {@code v-members-0-name}. */
	public static String id(String prefix, String path) {
		return (prefix + path).replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
	}
}
