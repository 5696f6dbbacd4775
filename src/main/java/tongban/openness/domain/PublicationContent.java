package tongban.openness.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import tongban.openness.domain.PolicyTerms.ArticleCategory;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PolicyTerms.DocType;
import tongban.openness.domain.PolicyTerms.InterpretationForm;

/**
 * The content of one revision of a publication, kept as JSON (one document per version, as catalogue guides are):
 * the fields every kind has, then a policy's, an interpretation's and an article's; fields of other kinds are null or
 * empty. A revision that changes a policy's validity carries the content unchanged with the new validity.
 */
public record PublicationContent(String title, String summary, String body, LocalDate publishedOn,
		// 政策文件
		String docNumber, List<String> issuers, DocType docType, LocalDate writtenOn, LocalDate effectiveOn, String topic,
		Disclosure disclosure, String disclosureReason, List<String> items, List<Attachment> attachments,
		// 政策解读
		UUID policyId, InterpretationForm form, List<Figure> figures, List<QuestionAnswer> questions,
		// 通知公告、政务动态
		ArticleCategory category,
		// 时效
		Validity validity, UUID replacedBy, LocalDate validityOn, String validityNote) {

	public PublicationContent {
		issuers = issuers == null ? List.of() : List.copyOf(issuers);
		items = items == null ? List.of() : List.copyOf(items);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		figures = figures == null ? List.of() : List.copyOf(figures);
		questions = questions == null ? List.of() : List.copyOf(questions);
		validity = validity == null ? Validity.VALID : validity;
	}

	/** A file kept in the FileStore: its type read from the content. */
	public record Attachment(String fileId, String name, String contentType, long size, String sha256) {
	}

	/** A picture of a 图解, with its caption and the text that stands for it (alt). */
	public record Figure(String fileId, String contentType, String caption, String alt) {
	}

	public record QuestionAnswer(String question, String answer) {
	}

	/** The same content with another validity (a proposed 废止, 失效 or 已修订). */
	public PublicationContent withValidity(Validity next, UUID successor, LocalDate on, String note) {
		return new PublicationContent(title, summary, body, publishedOn, docNumber, issuers, docType, writtenOn, effectiveOn, topic,
				disclosure, disclosureReason, items, attachments, policyId, form, figures, questions, category, next, successor, on, note);
	}
}
