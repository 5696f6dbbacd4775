package tongban.proactive.opendata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * Makes a dataset's rows from its source as a new version beside the one served, runs the privacy scan over them and
 * only then swaps the dataset to the new version (in one transaction, guarded by the version it started from, so two
 * runs at once leave one winner and no mix); a version the scan refuses is deleted and the old one stays.
 */
@Service
public class DatasetGeneration {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final JsonMapper json;
	private final DatasetRows rows;
	private final PersonNames names;
	private final Map<String, DatasetSource> sources;
	private final TransactionTemplate tx;

	DatasetGeneration(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, DatasetRows rows, PersonNames names,
			List<DatasetSource> sources, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.rows = rows;
		this.names = names;
		this.sources = sources.stream().collect(Collectors.toMap(DatasetSource::key, Function.identity()));
		this.tx = new TransactionTemplate(transactions);
	}

	/** The source of this key, if the platform has one. */
	public DatasetSource source(String key) {
		DatasetSource source = sources.get(key);
		if (source == null) {
			throw new DomainException(DomainException.Kind.INVALID, "opendata-source-unknown", "unknown source " + key);
		}
		return source;
	}

	/**
	 * Makes a new version of the dataset's rows and serves it when the privacy scan passes; refused with
	 * {@code opendata-privacy} (the old version kept) when it does not. Answers the number of rows.
	 */
	public long generate(Dataset dataset) {
		DatasetSource source = source(dataset.source());
		int version = jdbc.sql("select nextval('proactive_opendata_version_seq')").query(Integer.class).single();
		List<Object[]> batch = new ArrayList<>(DatasetRows.FETCH);
		long[] count = { 0 };
		try {
			source.rows(dataset.reference(version), cells -> {
				batch.add(new Object[] { dataset.id(), version, ++count[0], json.writeValueAsString(cells) });
				if (batch.size() == DatasetRows.FETCH) {
					flush(batch);
				}
			});
			flush(batch);
			List<PrivacyScan.Finding> findings = scan(dataset, version);
			if (!findings.isEmpty()) {
				throw new DomainException(DomainException.Kind.INVALID, "opendata-privacy", "personal data found: " + findings.getFirst());
			}
			Boolean swapped = tx.execute(status -> {
				int updated = jdbc.sql("update proactive_opendata_dataset set version = ?, row_count = ?, generated_at = now(), modified_at = now()"
						+ " where id = ? and version = ?")
					.params(version, count[0], dataset.id(), dataset.version())
					.update();
				if (updated == 1) {
					jdbc.sql("delete from proactive_opendata_row where dataset_id = ? and version <> ?").params(dataset.id(), version).update();
				}
				return updated == 1;
			});
			if (!Boolean.TRUE.equals(swapped)) {
				discard(dataset.id(), version);
			}
			return count[0];
		}
		catch (RuntimeException e) {
			discard(dataset.id(), version);
			throw e;
		}
	}

	/** Refused ({@code opendata-privacy}) when the served rows or the dictionary hold personal data. */
	public void requireClean(Dataset dataset) {
		List<PrivacyScan.Finding> findings = scan(dataset, dataset.version());
		if (!findings.isEmpty()) {
			throw new DomainException(DomainException.Kind.INVALID, "opendata-privacy", "personal data found: " + findings.getFirst());
		}
	}

	/** What the privacy scan finds in a version's rows and in the dictionary's labels and descriptions. */
	public List<PrivacyScan.Finding> scan(Dataset dataset, int version) {
		PrivacyScan scan = names.scan();
		List<PrivacyScan.Finding> found = new ArrayList<>();
		for (Column column : dataset.columns()) {
			found.addAll(scan.scan(column.label() + " " + column.description(), "dictionary"));
		}
		long[] row = { 0 };
		rows.forEach(dataset.id(), version, cells -> {
			row[0]++;
			for (String cell : cells) {
				found.addAll(scan.scan(cell, "row " + row[0]));
			}
		});
		return found;
	}

	private void flush(List<Object[]> batch) {
		if (!batch.isEmpty()) {
			template.batchUpdate("insert into proactive_opendata_row (dataset_id, version, row_no, cells) values (?, ?, ?, ?::jsonb)", batch);
			batch.clear();
		}
	}

	private void discard(String datasetId, int version) {
		jdbc.sql("delete from proactive_opendata_row where dataset_id = ? and version = ?").params(datasetId, version).update();
	}

	/** Whether a dataset's update frequency has come round (daily: made before today; weekly: 7 days; monthly: a new month). */
	public static boolean due(Dataset dataset, LocalDate today) {
		if (dataset.generatedAt() == null) {
			return true;
		}
		LocalDate made = dataset.generatedAt().atZone(Clocks.ZONE).toLocalDate();
		return switch (dataset.updateFrequency()) {
			case "DAILY" -> made.isBefore(today);
			case "WEEKLY" -> !made.plusDays(7).isAfter(today);
			default -> YearMonth.from(made).isBefore(YearMonth.from(today));
		};
	}
}
