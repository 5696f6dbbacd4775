package tongban.insight.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tongban.insight.Indicator;
import tongban.insight.IndicatorValue;

/**
 * One figure as the API, the CSV and the pages show it: the indicator's code and label, the group's key and its label
 * (a department's, region's or item's name; the month or day itself), the summed numerator and denominator (null for a
 * count) and the value (a fraction for rates, null where there was nothing to measure).
 */
public record IndicatorRow(String indicator, String label, String key, String keyLabel, long numerator, Long denominator,
		Double value) {

	static IndicatorRow of(IndicatorValue figure, String keyLabel) {
		Indicator indicator = figure.indicator();
		return new IndicatorRow(indicator.code(), indicator.label(), figure.key(), keyLabel, figure.numerator(),
				indicator.denominator() == null ? null : figure.denominator(), figure.value());
	}

	/** The same figure with another key (when groups are summed into a larger one, e.g. townships into a district). */
	static IndicatorRow summed(Indicator indicator, String key, String keyLabel, long numerator, long denominator) {
		return new IndicatorRow(indicator.code(), indicator.label(), key, keyLabel, numerator,
				indicator.denominator() == null ? null : denominator, indicator.value(numerator, denominator));
	}

	/** The value as text without exponent, as the CSV and the pages' data attributes carry it; empty when there is none. */
	public String plainValue() {
		return value == null ? "" : BigDecimal.valueOf(value).toPlainString();
	}

	/** The value as people read it: a percentage with two decimals, an average with two decimals, a count; 「—」 for none. */
	public String display() {
		if (value == null) {
			return "—";
		}
		Indicator.Formula formula = Indicator.byCode(indicator).map(Indicator::formula).orElse(Indicator.Formula.COUNT);
		return switch (formula) {
			case RATE, SAVING -> BigDecimal.valueOf(value * 100).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
			case AVERAGE -> BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
			case COUNT -> BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).toPlainString();
		};
	}

	/** The number a chart draws: percentages as 0–100, others as they are; null for none. */
	public Double chartValue() {
		if (value == null) {
			return null;
		}
		Indicator.Formula formula = Indicator.byCode(indicator).map(Indicator::formula).orElse(Indicator.Formula.COUNT);
		double shown = formula == Indicator.Formula.RATE || formula == Indicator.Formula.SAVING ? value * 100 : value;
		return BigDecimal.valueOf(shown).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}
}
