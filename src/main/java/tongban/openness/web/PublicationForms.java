package tongban.openness.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.ArticleCategory;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PolicyTerms.DocType;
import tongban.openness.domain.PolicyTerms.InterpretationForm;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationContent.Attachment;
import tongban.openness.domain.PublicationContent.Figure;
import tongban.openness.domain.PublicationContent.QuestionAnswer;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;
import tongban.shared.web.Uploads;

/** Between the editor's form and a publication's content: parsing what was typed, and the module's problems as field errors. */
final class PublicationForms {

	private PublicationForms() {
	}

	static PublicationForm empty(PublicationKind kind, String department) {
		return new PublicationForm(kind.name(), "", "", "", "", "", List.of(department), "NORMATIVE", "", "", "", "PROACTIVE", "", "", "",
				"TEXT", "", "NOTICE", null, List.of(), "", "", List.of());
	}

	static PublicationForm of(PublicationKind kind, PublicationContent content) {
		StringBuilder questions = new StringBuilder();
		content.questions().forEach(q -> questions.append(q.question()).append('\n').append(q.answer()).append("\n\n"));
		return new PublicationForm(kind.name(), content.title(), content.summary(), content.body(), text(content.publishedOn()), content.docNumber(), content.issuers(),
				name(content.docType()), text(content.writtenOn()), text(content.effectiveOn()), content.topic(), name(content.disclosure()), content.disclosureReason(),
				String.join(" ", content.items()), content.policyId() == null ? "" : content.policyId().toString(), name(content.form()), questions.toString().strip(),
				name(content.category()), null, List.of(), "", "", List.of());
	}

	/**
	 * The content the form describes, over the attachments and figures the draft already has (less those ticked for
	 * removal); what cannot be parsed is rejected at its field.
	 */
	static PublicationContent content(PublicationKind kind, PublicationForm form, PublicationContent base, BindingResult errors) {
		List<Attachment> attachments = new ArrayList<>(base == null ? List.of() : base.attachments());
		List<Figure> figures = new ArrayList<>(base == null ? List.of() : base.figures());
		remove(attachments, form.removeAttachments());
		remove(figures, form.removeFigures());
		boolean policy = kind == PublicationKind.POLICY, interpretation = kind == PublicationKind.INTERPRETATION;
		return new PublicationContent(form.title(), form.summary(), form.body(), date(form.publishedOn(), "publishedOn", errors),
				policy ? form.docNumber() : null, policy ? form.issuers().stream().filter(s -> !s.isBlank()).distinct().toList() : List.of(),
				policy ? choice(DocType.class, form.docType(), "docType", errors) : null, policy ? date(form.writtenOn(), "writtenOn", errors) : null,
				policy ? date(form.effectiveOn(), "effectiveOn", errors) : null, policy ? form.topic() : null,
				policy ? choice(Disclosure.class, form.disclosure(), "disclosure", errors) : null, policy ? form.disclosureReason() : null,
				policy ? codes(form.items()) : List.of(), policy ? attachments : List.of(), interpretation ? uuid(form.policyId(), "policyId", errors) : null,
				interpretation ? choice(InterpretationForm.class, form.form(), "form", errors) : null, interpretation ? figures : List.of(),
				interpretation ? questions(form.questions()) : List.of(),
				kind == PublicationKind.ARTICLE ? choice(ArticleCategory.class, form.category(), "category", errors) : null, null, null, null, null);
	}

	static List<String> codes(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.strip().split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).distinct().toList();
	}

	static List<QuestionAnswer> questions(String text) {
		List<QuestionAnswer> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
			String b = block.strip();
			if (b.isEmpty()) {
				continue;
			}
			int newline = b.indexOf('\n');
			out.add(newline < 0 ? new QuestionAnswer(b, "") : new QuestionAnswer(b.substring(0, newline).strip(), b.substring(newline + 1).strip()));
		}
		return out;
	}

	static List<Upload> uploads(List<MultipartFile> files) {
		return Uploads.of(files);
	}

	static void reject(List<FieldProblem> problems, BindingResult errors) {
		for (FieldProblem p : problems) {
			String field = p.field().equals("figure") ? "figureAlt" : p.field();
			if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, p.code(), p.argArray(), null);
			}
		}
	}

	static LocalDate date(String text, String field, BindingResult errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.rejectValue(field, "openness.pub.error.date");
			return null;
		}
	}

	static UUID uuid(String text, String field, BindingResult errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			errors.rejectValue(field, "openness.pub.error.policy");
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String text, String field, BindingResult errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException e) {
			errors.rejectValue(field, "openness.pub.error.choice");
			return null;
		}
	}

	private static void remove(List<?> list, List<String> indexes) {
		indexes.stream().filter(s -> s.matches("\\d{1,3}")).map(Integer::valueOf).filter(i -> i < list.size()).distinct()
			.sorted((a, b) -> b - a).forEach(i -> list.remove((int) i));
	}

	private static String text(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	private static String name(Enum<?> value) {
		return value == null ? "" : value.name();
	}
}
