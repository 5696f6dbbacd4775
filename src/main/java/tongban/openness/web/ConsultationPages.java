package tongban.openness.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.BeansException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import tongban.directory.DirectoryManagement;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.Consultation;
import tongban.openness.domain.ConsultationComment;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.domain.ConsultationStatus;
import tongban.openness.internal.ConsultationReports;
import tongban.openness.internal.ConsultationRules;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.FileStore;

/** What the public page and the workbench page of a consultation both show, and the attachment's download. */
@Component
class ConsultationPages {

	private final ConsultationRepository consultations;
	private final ConsultationReports reports;
	private final DirectoryManagement directory;
	private final FileStore files;

	ConsultationPages(ConsultationRepository consultations, ConsultationReports reports, DirectoryManagement directory, FileStore files) {
		this.consultations = consultations;
		this.reports = reports;
		this.directory = directory;
		this.files = files;
	}

	/** The consultation's life: dates, phase, draft, questions, published comments and counts, and the report once out. */
	void describe(Consultation c, Model model) {
		model.addAttribute("consultation", c);
		model.addAttribute("departmentName", departmentName(c.departmentCode()));
		model.addAttribute("phase", c.status().isPublic() ? c.phase(LocalDate.now(Clocks.ZONE)) : null);
		model.addAttribute("startsOn", ConsultationRules.chineseDate(c.startsOn()));
		model.addAttribute("endsOn", ConsultationRules.chineseDate(c.endsOn()));
		model.addAttribute("paragraphs", paragraphs(c.draft()));
		model.addAttribute("backgroundParagraphs", paragraphs(c.background()));
		model.addAttribute("questions", consultations.questions(c.id()));
		model.addAttribute("counts", consultations.counts(c.id()));
		Map<Long, List<ConsultationComment>> published = consultations.comments(c.id(), CommentStatus.PUBLISHED)
			.stream()
			.collect(Collectors.groupingBy(ConsultationComment::questionId));
		model.addAttribute("published", published);
		model.addAttribute("reported", c.status() == ConsultationStatus.REPORTED);
		model.addAttribute("report", reports.report(c.id()));
	}

	String departmentName(String code) {
		return directory.departmentNames().getOrDefault(code, code);
	}

	/** Paragraphs of a plain text, separated by blank lines. */
	static List<String> paragraphs(String text) {
		return text == null ? List.of() : List.of(text.split("\\n\\s*\\n")).stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	ResponseEntity<InputStreamResource> download(Consultation c) {
		if (!c.hasFile()) {
			throw DomainException.notFound("file");
		}
		InputStream in = files.open(c.fileId()).orElseThrow(() -> DomainException.notFound("file"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(c.fileType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(new InputStreamResource(in));
	}

	/** Each problem beside its field; one of a field the form does not have goes to the error summary. */
	static void reject(List<FieldProblem> problems, BindingResult errors) {
		for (FieldProblem p : problems) {
			try {
				errors.rejectValue(p.field(), p.code(), p.argArray(), null);
			}
			catch (BeansException e) {
				errors.reject(p.code(), p.argArray(), null);
			}
		}
	}
}
