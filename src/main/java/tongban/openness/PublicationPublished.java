package tongban.openness;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A publication became public and current (published after its confidentiality review, or a new version of it): search
 * indexes it and the knowledge base takes its questions and answers. Published again, with the same id, whenever its
 * public text changes.
 *
 * @param text the plain text that search matches (no markup)
 * @param path the public page, e.g. {@code /policies/{id}}
 * @param questions an interpretation's questions and answers (empty for other kinds)
 */
public record PublicationPublished(UUID publicationId, PublicationKind kind, String title, String text,
		List<String> departmentCodes, String path, LocalDate publishedOn, List<QuestionAnswer> questions) {

	public record QuestionAnswer(String question, String answer) {
	}
}
