package tongban.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas of docs/events, and a small checker of what our messages use of JSON Schema: required properties, no
 * others (additionalProperties false), the type (or types, with null), the formats uuid, date-time and date, enums,
 * minimum and maximum. Anything else a schema says fails the check, so the checker cannot silently ignore it.
 */
final class EventSchemas {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern UUID_FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Set<String> KNOWN = Set.of("type", "format", "enum", "minimum", "maximum", "description");

	private EventSchemas() {
	}

	static JsonNode schema(String topic) {
		try {
			return JSON.readTree(Files.readString(Path.of("docs", "events", topic + ".schema.json")));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The schema's property names. */
	static Set<String> properties(String topic) {
		return new HashSet<>(schema(topic).get("properties").propertyNames());
	}

	/** What is wrong with {@code message} against the topic's schema: empty when it is valid. */
	static List<String> problems(String topic, JsonNode message) {
		JsonNode schema = schema(topic);
		List<String> problems = new ArrayList<>();
		if (!"object".equals(schema.get("type").asString()) || schema.get("additionalProperties").asBoolean(true)) {
			problems.add("schema must be a closed object");
		}
		if (!message.isObject()) {
			problems.add("not an object");
			return problems;
		}
		for (JsonNode required : schema.get("required")) {
			if (!message.has(required.asString())) {
				problems.add("missing " + required.asString());
			}
		}
		JsonNode properties = schema.get("properties");
		for (String name : message.propertyNames()) {
			JsonNode property = properties.get(name);
			if (property == null) {
				problems.add("not in the schema: " + name);
			} else {
				check(name, property, message.get(name), problems);
			}
		}
		return problems;
	}

	private static void check(String name, JsonNode property, JsonNode value, List<String> problems) {
		for (String keyword : property.propertyNames()) {
			if (!KNOWN.contains(keyword)) {
				problems.add(name + ": the checker does not know " + keyword);
			}
		}
		List<String> types = new ArrayList<>();
		if (property.get("type").isArray()) {
			property.get("type").forEach(type -> types.add(type.asString()));
		} else {
			types.add(property.get("type").asString());
		}
		if (value.isNull()) {
			if (!types.contains("null")) {
				problems.add(name + " is null");
			}
			return;
		}
		boolean typed = types.stream().anyMatch(type -> switch (type) {
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "boolean" -> value.isBoolean();
			default -> false;
		});
		if (!typed) {
			problems.add(name + " is not " + types + ": " + value);
			return;
		}
		if (property.has("format") && !formatted(property.get("format").asString(), value.asString())) {
			problems.add(name + " is not a " + property.get("format").asString() + ": " + value);
		}
		if (property.has("enum")) {
			boolean listed = false;
			for (JsonNode allowed : property.get("enum")) {
				listed |= allowed.equals(value);
			}
			if (!listed) {
				problems.add(name + " is not one of " + property.get("enum") + ": " + value);
			}
		}
		if (property.has("minimum") && value.asLong() < property.get("minimum").asLong()) {
			problems.add(name + " is below " + property.get("minimum"));
		}
		if (property.has("maximum") && value.asLong() > property.get("maximum").asLong()) {
			problems.add(name + " is above " + property.get("maximum"));
		}
	}

	private static boolean formatted(String format, String text) {
		try {
			return switch (format) {
				case "uuid" -> UUID_FORMAT.matcher(text).matches();
				case "date-time" -> OffsetDateTime.parse(text) != null;
				case "date" -> LocalDate.parse(text) != null;
				default -> false;
			};
		} catch (DateTimeParseException e) {
			return false;
		}
	}
}
