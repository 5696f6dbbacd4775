package tongban.proactive.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much a decision grants, from the record that made it eligible: a fixed amount; an amount by age band (高龄津贴:
 * the band with the highest lower age the person has reached, reckoned on the decision's day from a date-of-birth
 * field); or an amount per unit of a numeric field (稳岗补贴: per insured person).
 *
 * @param kind FIXED, AGE_BANDS or PER_UNIT
 * @param field the record's field read (birth date for AGE_BANDS, the count for PER_UNIT); null for FIXED
 * @param amount the fixed amount, or the amount per unit
 * @param bands for AGE_BANDS: from which age which amount
 */
public record AmountRule(String kind, String field, BigDecimal amount, List<Band> bands) {

	public static final List<String> KINDS = List.of("FIXED", "AGE_BANDS", "PER_UNIT");

	/** From {@code fromAge} (whole years) on, {@code amount}. */
	public record Band(int fromAge, BigDecimal amount) {
	}

	public AmountRule {
		bands = bands == null ? List.of() : List.copyOf(bands);
	}

	public static AmountRule fixed(BigDecimal amount) {
		return new AmountRule("FIXED", null, amount, List.of());
	}

	/** The amount due for a record's values on {@code day}; empty when the record does not give one. */
	public Optional<BigDecimal> amountFor(Map<String, String> values, LocalDate day) {
		return switch (kind) {
			case "FIXED" -> Optional.ofNullable(amount);
			case "AGE_BANDS" -> date(values.get(field)).flatMap(born -> {
				int age = Period.between(born, day).getYears();
				return bands.stream().filter(b -> age >= b.fromAge()).max(Comparator.comparingInt(Band::fromAge)).map(Band::amount);
			});
			case "PER_UNIT" -> number(values.get(field)).filter(units -> units.signum() > 0).map(units -> units.multiply(amount));
			default -> Optional.empty();
		};
	}

	/** The fields of the record this rule reads (to ask the register for). */
	public Optional<String> readsField() {
		return "FIXED".equals(kind) ? Optional.empty() : Optional.ofNullable(field);
	}

	private static Optional<LocalDate> date(String text) {
		try {
			return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static Optional<BigDecimal> number(String text) {
		try {
			return text == null ? Optional.empty() : Optional.of(new BigDecimal(text.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
