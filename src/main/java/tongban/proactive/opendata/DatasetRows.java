package tongban.proactive.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset's stored rows: streamed through a database cursor a thousand at a time (a download of a million rows holds
 * one batch), or a page of them filtered by columns for the API.
 */
@Service
public class DatasetRows {

	static final int FETCH = 1000;
	private static final TypeReference<List<String>> CELLS = new TypeReference<>() {
	};

	/** A page of rows and whether more follow. */
	public record Page(List<List<String>> rows, long total, int page, int size) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final TransactionTemplate readOnly;

	DatasetRows(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** Hands every row of the version to {@code sink} in order, through a cursor (a read-only transaction of its own). */
	public void forEach(String datasetId, int version, Consumer<List<String>> sink) {
		readOnly.executeWithoutResult(status -> {
			try (Stream<String> rows = jdbc.sql("select cells::text from proactive_opendata_row where dataset_id = ? and version = ? order by row_no")
				.withFetchSize(FETCH)
				.params(datasetId, version)
				.query(String.class)
				.stream()) {
				rows.forEach(cells -> sink.accept(json.readValue(cells, CELLS)));
			}
		});
	}

	/**
	 * A page (1-based, up to {@value #FETCH} rows) of the version's rows whose cells equal the filters (column index →
	 * value), in order.
	 */
	public Page page(String datasetId, int version, List<Filter> filters, int page, int size) {
		StringBuilder where = new StringBuilder(" where dataset_id = ? and version = ?");
		List<Object> params = new ArrayList<>(List.of(datasetId, version));
		for (Filter filter : filters) {
			where.append(" and cells->>").append(filter.column()).append(" = ?");
			params.add(filter.value());
		}
		return readOnly.execute(status -> {
			long total = jdbc.sql("select count(*) from proactive_opendata_row" + where).params(params).query(Long.class).single();
			List<Object> pageParams = new ArrayList<>(params);
			pageParams.add(size);
			pageParams.add((long) (page - 1) * size);
			List<List<String>> rows = jdbc.sql("select cells::text from proactive_opendata_row" + where + " order by row_no limit ? offset ?")
				.params(pageParams)
				.query(String.class)
				.list()
				.stream()
				.map(cells -> json.readValue(cells, CELLS))
				.toList();
			return new Page(rows, total, page, size);
		});
	}

	/** Cells of one column (by its index, never input text) equal to a value. */
	public record Filter(int column, String value) {
	}
}
