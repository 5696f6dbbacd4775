package tongban.proactive.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a dataset's rows in one download format as they arrive, holding nothing but the current row, so a download of
 * any size runs in constant memory. {@link #start}, then {@link #row} for each row, then {@link #finish}.
 */
public interface TableWriter {

	void start(List<Column> columns) throws IOException;

	void row(List<String> cells) throws IOException;

	void finish() throws IOException;

	/** The download formats, with their media types and file extensions. */
	enum Format {
		CSV("text/csv;charset=UTF-8", "csv"), JSON("application/json", "json"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String mediaType;
		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}

		/** The format named by a path's extension, case-insensitive; null for any other. */
		public static Format of(String extension) {
			for (Format format : values()) {
				if (format.extension.equalsIgnoreCase(extension)) {
					return format;
				}
			}
			return null;
		}

		/** A writer of this format onto {@code out}. */
		public TableWriter writer(OutputStream out) {
			return switch (this) {
				case CSV -> new CsvTableWriter(out);
				case JSON -> new JsonTableWriter(out);
				case XLSX -> new XlsxTableWriter(out);
			};
		}
	}
}
