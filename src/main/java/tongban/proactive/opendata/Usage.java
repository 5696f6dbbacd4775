package tongban.proactive.opendata;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage per dataset (page views, downloads by format, API calls), public. Counted in memory and added to the table in
 * one batch every few seconds, so a download or an API call costs no database write of its own; a node that stops loses
 * at most the counts of those seconds.
 */
@Service
public class Usage {

	/** What is counted. */
	public enum Kind {
		VIEW, CSV, JSON, XLSX, API
	}

	private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();
	private final JdbcClient jdbc;

	Usage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void count(String datasetId, Kind kind) {
		pending.computeIfAbsent(datasetId + "|" + kind.name(), k -> new LongAdder()).increment();
	}

	/** Adds what was counted since the last flush. */
	// Node-local, not locked: each node adds the uses counted in its own memory (an upsert that sums).
	@Scheduled(fixedDelayString = "${tongban.opendata.usage-flush:5s}")
	@Transactional
	public void flush() {
		for (String key : pending.keySet()) {
			LongAdder counted = pending.remove(key);
			long n = counted == null ? 0 : counted.sum();
			if (n > 0) {
				String[] parts = key.split("\\|");
				jdbc.sql("insert into proactive_opendata_usage (dataset_id, kind, count) values (?, ?, ?)"
						+ " on conflict (dataset_id, kind) do update set count = proactive_opendata_usage.count + excluded.count")
					.params(parts[0], parts[1], n)
					.update();
			}
		}
	}

	/** A dataset's counts by kind (zero where none). */
	@Transactional(readOnly = true)
	public Map<Kind, Long> of(String datasetId) {
		Map<Kind, Long> counts = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			counts.put(kind, 0L);
		}
		jdbc.sql("select kind, count from proactive_opendata_usage where dataset_id = ?")
			.param(datasetId)
			.query((rs, n) -> Map.entry(Kind.valueOf(rs.getString("kind")), rs.getLong("count")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Every dataset's counts, for the list. */
	@Transactional(readOnly = true)
	public Map<String, Map<Kind, Long>> all(List<String> datasetIds) {
		Map<String, Map<Kind, Long>> all = new ConcurrentHashMap<>();
		datasetIds.forEach(id -> all.put(id, of(id)));
		return all;
	}

	/** Downloads in every format. */
	public static long downloads(Map<Kind, Long> counts) {
		return counts.get(Kind.CSV) + counts.get(Kind.JSON) + counts.get(Kind.XLSX);
	}
}
