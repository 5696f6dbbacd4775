package tongban.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.CatalogManagement;

/**
 * 跑动次数 as measured against the catalogue's declared figure: the items whose measured counter visits per concluded
 * case exceed the declared ones over a filter (its region, department, item and period; its indicators and grouping are
 * not used), the widest gap per case first. Read from the same daily counters as the indicators.
 */
@Service
@Transactional(readOnly = true)
public class VisitGaps {

	private final Indicators indicators;
	private final CatalogManagement catalog;

	VisitGaps(Indicators indicators, CatalogManagement catalog) {
		this.indicators = indicators;
		this.catalog = catalog;
	}

	public List<VisitGap> items(IndicatorFilter filter) {
		IndicatorFilter byItem = new IndicatorFilter(List.of(Indicator.VISITS_PER_CASE, Indicator.DECLARED_VISITS_PER_CASE), filter.region(),
				filter.department(), filter.item(), filter.from(), filter.to(), IndicatorFilter.Grouping.ITEM);
		Map<String, IndicatorValue> measured = new HashMap<>();
		Map<String, IndicatorValue> declared = new HashMap<>();
		for (IndicatorValue value : indicators.values(byItem)) {
			(value.indicator() == Indicator.VISITS_PER_CASE ? measured : declared).put(value.key(), value);
		}
		List<VisitGap> gaps = new ArrayList<>();
		measured.forEach((item, visits) -> {
			long promised = declared.containsKey(item) ? declared.get(item).numerator() : 0;
			if (!item.isEmpty() && visits.denominator() > 0 && visits.numerator() > promised) {
				String name = catalog.published(item).map(published -> published.guide().name()).orElse(item);
				gaps.add(new VisitGap(item, name, visits.denominator(), visits.numerator(), promised));
			}
		});
		gaps.sort(Comparator.comparingDouble((VisitGap gap) -> gap.measuredPerCase() - gap.declaredPerCase()).reversed()
			.thenComparing(VisitGap::itemCode));
		return gaps;
	}
}
