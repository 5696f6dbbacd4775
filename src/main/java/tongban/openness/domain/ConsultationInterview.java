package tongban.openness.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import tongban.shared.StateGraph;

/**
 * A 在线访谈: a department's online interview with a guest at a set time; people send questions before it starts, and
 * the department publishes the transcript after it.
 */
public record ConsultationInterview(UUID id, String departmentCode, String title, String guest, String summary,
		OffsetDateTime startsAt, Status status, String transcript, OffsetDateTime transcriptAt) {

	/** Scheduled, then transcribed (its transcript published). */
	public enum Status {
		SCHEDULED, TRANSCRIBED
	}

	/** The transcript was published. */
	public record InterviewTranscribed(UUID interviewId) {
	}

	public static final String CONFLICT = "openness-consult-interview-state";

	public static final StateGraph<Status> GRAPH = StateGraph.of(Status.class)
		.edge(Status.SCHEDULED, Status.TRANSCRIBED, InterviewTranscribed.class)
		.build(CONFLICT);

	/** Whether it has started at {@code now}: questions close, the transcript may follow. */
	public boolean started(OffsetDateTime now) {
		return !now.isBefore(startsAt);
	}
}
