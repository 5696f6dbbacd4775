package tongban.proactive.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dataset of the open-data portal with its DCAT metadata: title, description, publisher (the providing department's
 * code), theme, keywords, update frequency ({@code DAILY}, {@code WEEKLY}, {@code MONTHLY}), licence, spatial and
 * temporal coverage, where its rows come from ({@link DatasetSource#key()}), its open class ({@code UNCONDITIONAL} or
 * {@code CONDITIONAL}), its data dictionary, status and the version of its rows now served.
 */
public record Dataset(String id, String title, String description, String publisher, String theme, List<String> keywords, String updateFrequency,
		String licence, String spatial, LocalDate temporalFrom, LocalDate temporalTo, String source, String openClass, List<Column> columns,
		DatasetStatus status, int version, long rowCount, Instant issuedAt, Instant modifiedAt, Instant generatedAt) {

	public boolean published() {
		return status == DatasetStatus.PUBLISHED;
	}

	public boolean conditional() {
		return "CONDITIONAL".equals(openClass);
	}

	/** The reference a register read names: the dataset and the version being made. */
	public String reference(int forVersion) {
		return "数据开放 " + id + " v" + forVersion;
	}

	public int columnIndex(String name) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}
}
