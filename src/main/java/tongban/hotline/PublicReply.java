package tongban.hotline;

import java.time.OffsetDateTime;

/** A published, anonymised question and its answer. */
public record PublicReply(String number, String title, String question, String answer, String department,
		OffsetDateTime publishedAt) {
}
