package tongban.proactive.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;

/**
 * Checks rules' conditions when they are saved (each names a resource of the catalogue and one of its fields; an
 * unknown field is refused by name), tests them against a record, and says in plain words why a record matched, the
 * explanation a person is owed for an automated decision (个人信息保护法 第二十四条). Every rule of this module (life
 * events, 免申即享 eligibility, policies matched to companies) is tested here, so they all read alike.
 */
@Component
public class Conditions {

	private final ResourceCatalogue catalogue;

	Conditions(ResourceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The problems of a rule's conditions, as (condition index, message) pairs: an unknown resource, an unknown field
	 * (named), an operator that needs a date field on another type, a value that must be a whole number. Empty when
	 * every condition is sound.
	 */
	public Map<Integer, String> problems(List<Condition> conditions) {
		Map<Integer, String> problems = new LinkedHashMap<>();
		for (int index = 0; index < conditions.size(); index++) {
			Condition condition = conditions.get(index);
			Optional<Resource> resource = condition.resource() == null ? Optional.empty() : catalogue.resource(condition.resource());
			if (resource.isEmpty()) {
				problems.put(index, "未知的资源目录：" + condition.resource());
				continue;
			}
			Optional<Resource.Field> field = condition.field() == null ? Optional.empty() : resource.get().field(condition.field());
			if (field.isEmpty()) {
				problems.put(index, "资源“" + resource.get().name() + "”中没有字段：" + condition.field());
			}
			else if (condition.operator() == null) {
				problems.put(index, "请选择比较方式");
			}
			else if (condition.operator().onDates() && !"date".equals(field.get().type())) {
				problems.put(index, "字段“" + field.get().label() + "”不是日期，不能用“" + condition.operator().words() + "”");
			}
			else if (condition.value() == null || condition.value().isBlank()) {
				problems.put(index, "请填写比较的值");
			}
			else if (condition.operator().onDates() && !condition.value().strip().matches("\\d{1,5}")) {
				problems.put(index, "“" + condition.operator().words() + "”的值应为整数：" + condition.value());
			}
			else if (condition.operator().numeric() && number(condition.value()).isEmpty()) {
				problems.put(index, "“" + condition.operator().words() + "”的值应为数字：" + condition.value());
			}
		}
		return problems;
	}

	/** Whether every condition on {@code resource} holds for its record's values, on {@code today}. */
	public static boolean matches(List<Condition> conditions, String resource, Map<String, String> values, LocalDate today) {
		return conditions.stream().filter(c -> resource.equals(c.resource())).allMatch(c -> holds(c, values.get(c.field()), today));
	}

	/** Whether one condition holds for a field's value, on {@code today}. */
	public static boolean holds(Condition condition, String actual, LocalDate today) {
		if (actual == null || actual.isBlank()) {
			return false;
		}
		String value = condition.value().strip();
		return switch (condition.operator()) {
			case EQUALS -> actual.strip().equals(value);
			case NOT_EQUALS -> !actual.strip().equals(value);
			case ONE_OF -> Arrays.stream(value.split("[、,，]")).map(String::strip).anyMatch(actual.strip()::equals);
			case STARTS_WITH -> actual.strip().startsWith(value);
			case AT_LEAST -> compare(actual, value).map(c -> c >= 0).orElse(false);
			case AT_MOST -> compare(actual, value).map(c -> c <= 0).orElse(false);
			case AGE_AT_LEAST -> date(actual).map(born -> Period.between(born, today).getYears() >= Integer.parseInt(value)).orElse(false);
			case AGE_BELOW -> date(actual).map(born -> Period.between(born, today).getYears() < Integer.parseInt(value)).orElse(false);
			case DUE_WITHIN_DAYS -> date(actual).map(due -> !due.isBefore(today) && ChronoUnit.DAYS.between(today, due) <= Long.parseLong(value))
				.orElse(false);
			case SINCE_WITHIN_DAYS -> date(actual).map(on -> !on.isAfter(today) && ChronoUnit.DAYS.between(on, today) <= Long.parseLong(value))
				.orElse(false);
		};
	}

	/**
	 * The conditions in plain words with the values they were tested on, one line each, e.g. "人口基础信息（户籍）的出生日期
	 * 1945-03-02：年满 80（成立）".
	 */
	public List<String> explain(List<Condition> conditions, Map<String, Map<String, String>> valuesByResource, LocalDate today) {
		List<String> lines = new ArrayList<>();
		for (Condition condition : conditions) {
			Optional<Resource> resource = catalogue.resource(condition.resource());
			String name = resource.map(Resource::name).orElse(condition.resource());
			String label = resource.map(r -> r.label(condition.field())).orElse(condition.field());
			String actual = valuesByResource.getOrDefault(condition.resource(), Map.of()).get(condition.field());
			boolean holds = holds(condition, actual, today);
			lines.add(name + "的" + label + " " + (actual == null || actual.isBlank() ? "（无记录）" : actual) + "：" + condition.operator().words() + " "
					+ condition.value() + (holds ? "（成立）" : "（不成立）"));
		}
		return lines;
	}

	private static Optional<Integer> compare(String actual, String value) {
		return number(actual).flatMap(a -> number(value).map(a::compareTo));
	}

	private static Optional<BigDecimal> number(String text) {
		try {
			return Optional.of(new BigDecimal(text.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static Optional<LocalDate> date(String text) {
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
