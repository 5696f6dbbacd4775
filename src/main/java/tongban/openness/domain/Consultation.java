package tongban.openness.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A 征求意见 consultation: the draft a department puts out for comment (a 行政规范性文件 or another policy text), with
 * its background, its period (first and last day, both inclusive) and, once closed and reported, its report's note.
 */
public record Consultation(UUID id, String departmentCode, String title, String docKind, String draft, String background,
		LocalDate startsOn, LocalDate endsOn, ConsultationStatus status, String fileId, String fileName, String fileType,
		Long fileSize, UUID authorId, String authorName, String reviewerName, String returnReason, OffsetDateTime publishedAt,
		String reportNote, String reportBy, OffsetDateTime reportPublishedAt) {

	/** The period the platform recommends at least (征求意见期限一般不少于 30 日). */
	public static final int RECOMMENDED_DAYS = 30;

	public static final String NORMATIVE = "NORMATIVE", POLICY = "POLICY";

	/** Days of the period, the first and last included. */
	public long days() {
		return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
	}

	/** A period shorter than recommended: the editor and the reviewer are warned, nothing is refused. */
	public boolean shortPeriod() {
		return days() < RECOMMENDED_DAYS;
	}

	/** Upcoming, open or closed on {@code today}. */
	public ConsultationPhase phase(LocalDate today) {
		if (today.isBefore(startsOn)) {
			return ConsultationPhase.UPCOMING;
		}
		return today.isAfter(endsOn) ? ConsultationPhase.CLOSED : ConsultationPhase.OPEN;
	}

	public boolean hasFile() {
		return fileId != null;
	}
}
