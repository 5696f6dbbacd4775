package tongban.proactive.lifeevents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tongban.notification.Topic;
import tongban.proactive.rules.Condition;

/**
 * A life-event rule, kept as data: what triggers it, the conditions a register record must meet, how its occasion is
 * found (the record itself, a retirement date, an annual report's year, a licence's expiry), whom it concerns, what it
 * recommends and the reason shown with the record's fields in braces ("因为您的{licenceName}将于{validUntil}到期").
 */
public record LifeRule(String code, String name, Topic topic, SubjectKind subjectKind, Trigger trigger, OccasionKind occasionKind,
		String resource, List<Condition> conditions, List<String> personFields, int windowDays, TargetKind targetKind, String targetCode,
		Map<String, String> licenceItems, String reason, int version, boolean enabled) {

	/** Whom a recommendation is for: a person (their account) or a company (its representative and agents). */
	public enum SubjectKind { PERSON, COMPANY }

	/** When a rule is evaluated. */
	public enum Trigger {
		/** A record of {@code resource} changed (a birth entered). */
		REGISTER_CHANGE,
		/** The nightly pass over every record of {@code resource}. */
		NIGHTLY,
		/** Licences in wallets expiring within {@code windowDays} (nightly, and when a licence is issued). */
		LICENCE_DUE
	}

	/** What makes one occasion of the rule, so it recommends once per occasion. */
	public enum OccasionKind {
		/** The record (a birth certificate; an age threshold, once per person). */
		RECORD,
		/** The statutory retirement date ({@link RetirementAge}) within {@code windowDays}. */
		RETIREMENT,
		/** The year's annual report (1 January to 30 June, companies established before this year). */
		ANNUAL_REPORT,
		/** A licence and its expiry date. */
		LICENCE_EXPIRY
	}

	public enum TargetKind { ITEM, BUNDLE }

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

	public LifeRule {
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
		personFields = personFields == null ? List.of() : List.copyOf(personFields);
		licenceItems = licenceItems == null ? Map.of() : Map.copyOf(licenceItems);
	}

	/** The names in braces of the reason. */
	public Set<String> reasonVariables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(reason == null ? "" : reason);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The reason with each {name} replaced by its value (unknown names by nothing). */
	public String reasonWith(Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(reason);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
