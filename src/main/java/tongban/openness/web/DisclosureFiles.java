package tongban.openness.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tongban.openness.DisclosureRequests;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/** What the applicant's and the staff's pages share: a file as a download, and a refused step as a problem at its field. */
final class DisclosureFiles {

	private DisclosureFiles() {
	}

	static ResponseEntity<byte[]> download(DisclosureRequests.Download file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8)
				.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	/** The refusal of a step at the field that caused it, with the message of its code. */
	static FieldProblem problem(String field, DomainException e) {
		String code = e.code();
		String key = code.startsWith("pdf-") || code.startsWith("package-") ? "upload.error." + code
				: "openness.disclosure.error." + code.toLowerCase(Locale.ROOT);
		return FieldProblem.of(field, key, e.args());
	}
}
