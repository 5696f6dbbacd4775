package tongban.insight;

/**
 * One indicator's figure for one group ({@code key}: a department code, region code, item code, yyyy-MM or yyyy-MM-dd;
 * "total" for {@link IndicatorFilter.Grouping#TOTAL}), with the summed counters it comes from so that anyone can
 * recompute it. {@code value} is null where there was nothing to measure.
 */
public record IndicatorValue(Indicator indicator, String key, long numerator, long denominator, Double value) {
}
