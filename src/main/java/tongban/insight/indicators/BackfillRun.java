package tongban.insight.indicators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One rebuild of the daily counters: the period, who started it, when, how it ended and how much it counted. */
public record BackfillRun(UUID id, LocalDate from, LocalDate to, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
		Status status, long facts, long rows, String error) {

	public enum Status {
		RUNNING, DONE, FAILED
	}
}
