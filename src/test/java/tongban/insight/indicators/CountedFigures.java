package tongban.insight.indicators;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import tongban.insight.Measure;

/** The summed figures some facts of one source were last counted as ({@code insight_counted_fact}), for tests. */
final class CountedFigures {

	private CountedFigures() {
	}

	static Map<Measure, Long> of(JdbcClient jdbc, String source, List<?> factIds) {
		Map<Measure, Long> sums = new EnumMap<>(Measure.class);
		jdbc.sql("""
				select m.key as measure, sum(m.value::bigint) as total from insight_counted_fact f, jsonb_each(f.cells) p, jsonb_each_text(p.value) m
				where f.source = ? and f.fact_id = any(?) group by 1""")
			.params(source, factIds.stream().map(String::valueOf).toArray(String[]::new))
			.query(rs -> {
				sums.put(Measure.valueOf(rs.getString("measure")), rs.getLong("total"));
			});
		return sums;
	}
}
