package tongban.proactive.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 has it: CRLF after every record, a field quoted when it holds a comma, a double quote, CR or LF, a
 * double quote inside doubled. UTF-8 with a byte-order mark first, so Excel on Chinese Windows opens it as UTF-8 rather
 * than GBK. The header row gives the column names. A field starting with {@code = + - @} gets a leading apostrophe so a
 * spreadsheet never runs it as a formula (CSV injection), unless it is a plain negative number.
 */
final class CsvTableWriter implements TableWriter {

	static final char BOM = '\uFEFF';

	private final Writer out;

	CsvTableWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
	}

	@Override
	public void start(List<Column> columns) throws IOException {
		out.write(BOM);
		record(columns.stream().map(Column::name).toList());
	}

	@Override
	public void row(List<String> cells) throws IOException {
		record(cells);
	}

	@Override
	public void finish() throws IOException {
		out.flush();
	}

	private void record(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(field(cells.get(i)));
		}
		out.write("\r\n");
	}

	/** One field as it is written. */
	static String field(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-\\d+(\\.\\d+)?")) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}
}
