package tongban.openness.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationRepository.Draft;
import tongban.openness.domain.ConsultationRepository.Theme;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.FileTypes;
import tongban.shared.Upload;
import tongban.shared.UploadCheck;

/** The checks of a consultation's fields and attachment, and who on the staff may touch which consultation. */
public final class ConsultationRules {

	/** The largest attachment (the platform's limit for uploads). */
	public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private ConsultationRules() {
	}

	/** A date as the public reads it: 2026年12月31日. */
	public static String chineseDate(LocalDate date) {
		return date.format(CHINESE_DATE);
	}

	/** Text as kept: stripped; null as empty. */
	public static String trim(String text) {
		return text == null ? "" : text.strip();
	}

	/** The checked draft, or the problems at their fields. */
	public static Draft draft(ConsultationInput in, LocalDate today, List<FieldProblem> problems) {
		String title = trim(in.title());
		length(problems, "title", title, 4, 120);
		String kind = trim(in.docKind());
		if (!List.of(Consultation.NORMATIVE, Consultation.POLICY).contains(kind)) {
			problems.add(FieldProblem.of("docKind", "openness.consult.error.docKind"));
		}
		String draft = trim(in.draft());
		length(problems, "draft", draft, 20, 50_000);
		String background = trim(in.background());
		length(problems, "background", background, 10, 5_000);
		Optional<LocalDate> starts = date(problems, "startsOn", in.startsOn());
		Optional<LocalDate> ends = date(problems, "endsOn", in.endsOn());
		if (starts.isPresent() && starts.get().isBefore(today)) {
			problems.add(FieldProblem.of("startsOn", "openness.consult.error.startsInPast"));
		}
		if (starts.isPresent() && ends.isPresent() && ends.get().isBefore(starts.get())) {
			problems.add(FieldProblem.of("endsOn", "openness.consult.error.endsBeforeStart"));
		}
		List<Theme> questions = new ArrayList<>();
		int rows = Math.max(in.themes().size(), in.questions().size());
		for (int i = 0; i < Math.min(rows, ConsultationInput.MAX_QUESTIONS); i++) {
			String theme = trim(in.theme(i)), question = trim(in.question(i));
			if (theme.isEmpty() && question.isEmpty()) {
				continue;
			}
			if (theme.isEmpty() || theme.length() > 30 || question.length() < 5 || question.length() > 500) {
				problems.add(FieldProblem.of("questions", "openness.consult.error.question", i + 1));
				continue;
			}
			questions.add(new Theme(theme, question));
		}
		if (questions.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("questions"))) {
			problems.add(FieldProblem.of("questions", "openness.consult.error.questions.empty"));
		}
		return new Draft(title, kind, draft, background, starts.orElse(null), ends.orElse(null), questions);
	}

	/** The attachment's detected type, or a problem at the field {@code file}: PDF or OFD, complete, no active content. */
	public static Optional<String> fileType(Upload upload, List<FieldProblem> problems) {
		Optional<String> type = FileTypes.detect(upload.bytes()).filter(t -> t.equals(FileTypes.PDF) || t.equals(FileTypes.OFD));
		String name = safeName(upload.name());
		if (type.isEmpty()) {
			problems.add(FieldProblem.of("file", "openness.consult.error.file.type", name));
			return Optional.empty();
		}
		if (upload.bytes().length > MAX_FILE_BYTES) {
			problems.add(FieldProblem.of("file", "openness.consult.error.file.size", name, MAX_FILE_BYTES / (1024 * 1024)));
			return Optional.empty();
		}
		Optional<UploadCheck.Problem> unsafe = UploadCheck.problem(upload.bytes(), type.get());
		if (unsafe.isPresent()) {
			problems.add(FieldProblem.of("file", unsafe.get().messageKey(), name));
			return Optional.empty();
		}
		return type;
	}

	/** A file name fit to keep and show: the last path segment, at most 100 characters. */
	public static String safeName(String name) {
		String base = trim(name).replaceAll(".*[/\\\\]", "");
		base = base.isEmpty() ? "征求意见稿" : base;
		return base.length() > 100 ? base.substring(base.length() - 100) : base;
	}

	/** The consultation if it is the staff member's department's; otherwise "not found" (never reveal another's). */
	public static Consultation own(ConsultationRepository repository, StaffMember staff, UUID id) {
		Consultation c = repository.require(id);
		if (staff.departmentCode() == null || !staff.departmentCode().equals(c.departmentCode())) {
			throw ConsultationRepository.notFound();
		}
		return c;
	}

	/** Refuses a step to staff without the role (a 404, as for what is not theirs). */
	public static void require(StaffMember staff, Role role) {
		if (!staff.has(role)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "openness-consult-role", "needs " + role);
		}
	}

	public static DomainException invalid(String code) {
		return new DomainException(DomainException.Kind.INVALID, code, code);
	}

	private static void length(List<FieldProblem> problems, String field, String value, int min, int max) {
		if (value.isEmpty()) {
			problems.add(FieldProblem.of(field, "openness.consult.error." + field + ".empty"));
		}
		else if (value.length() < min || value.length() > max) {
			problems.add(FieldProblem.of(field, "openness.consult.error.length", min, max));
		}
	}

	private static Optional<LocalDate> date(List<FieldProblem> problems, String field, String text) {
		String value = trim(text);
		if (value.isEmpty()) {
			problems.add(FieldProblem.of(field, "openness.consult.error." + field + ".empty"));
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException e) {
			problems.add(FieldProblem.of(field, "openness.consult.error.date"));
			return Optional.empty();
		}
	}
}
