package tongban.openness.web;

import java.util.List;

/**
 * The editor's form of a publication, every field as text so whatever is sent binds and the form can be shown again
 * with the field's message. {@code items} are catalogue item codes separated by spaces or commas; {@code questions} are
 * blocks separated by a blank line, each a question on its first line and the answer below. {@code attachments} and
 * {@code figureAlt} also name the file fields for their messages; the files come as {@code attachmentFiles} and
 * {@code figureFile}.
 */
public record PublicationForm(String kind, String title, String summary, String body, String publishedOn, String docNumber,
		List<String> issuers, String docType, String writtenOn, String effectiveOn, String topic, String disclosure,
		String disclosureReason, String items, String policyId, String form, String questions, String category, String attachments,
		List<String> removeAttachments, String figureCaption, String figureAlt, List<String> removeFigures) {

	public PublicationForm {
		issuers = issuers == null ? List.of() : issuers;
		removeAttachments = removeAttachments == null ? List.of() : removeAttachments;
		removeFigures = removeFigures == null ? List.of() : removeFigures;
	}

	/** The validity form: the new validity, the successor (a policy's id) for 已修订, the date and a note. */
	public record ValidityForm(String validity, String replacedBy, String on, String note) {
	}

	/** The reviewer's decision, and the withdrawal: a note or reason. */
	public record NoteForm(String note) {
	}
}
