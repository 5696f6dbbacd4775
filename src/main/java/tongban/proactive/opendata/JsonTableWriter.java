package tongban.proactive.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as an array of objects keyed by column name, written by a streaming generator: counts as numbers, a suppressed
 * count ({@code <5}) and everything else as strings.
 */
final class JsonTableWriter implements TableWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonGenerator out;
	private List<Column> columns;

	JsonTableWriter(OutputStream out) {
		this.out = JSON.createGenerator(out);
	}

	@Override
	public void start(List<Column> columns) {
		this.columns = columns;
		out.writeStartArray();
	}

	@Override
	public void row(List<String> cells) {
		write(out, columns, cells);
	}

	/** One row as an object, as the file and the API write it. */
	static void write(JsonGenerator out, List<Column> columns, List<String> cells) {
		out.writeStartObject();
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			String value = i < cells.size() ? cells.get(i) : "";
			out.writeName(column.name());
			if (column.numeric() && value.matches("-?\\d{1,18}")) {
				out.writeNumber(Long.parseLong(value));
			}
			else {
				out.writeString(value);
			}
		}
		out.writeEndObject();
	}

	@Override
	public void finish() throws IOException {
		out.writeEndArray();
		out.close();
	}
}
