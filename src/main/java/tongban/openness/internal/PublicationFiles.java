package tongban.openness.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.openness.domain.PublicationContent.Attachment;
import tongban.openness.domain.PublicationContent.Figure;
import tongban.shared.FieldProblem;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.Upload;
import tongban.shared.UploadCheck;

/**
 * Files of publications: a policy's attachments (PDF, OFD or DOCX) and a 图解's pictures (PNG, JPEG), their type read
 * from the content, never from the name; PDFs and OFD packages also pass the platform's {@link UploadCheck}, a DOCX the
 * same bounded unpacking. A refused file is a {@link FieldProblem} with the reason.
 */
@Component
public class PublicationFiles {

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	public static final String SVG = "image/svg+xml";
	public static final long ATTACHMENT_MAX = 20L * 1024 * 1024;
	public static final long FIGURE_MAX = 5L * 1024 * 1024;

	private final FileStore files;

	PublicationFiles(FileStore files) {
		this.files = files;
	}

	/** The outcome of one upload: the kept file, or why it was refused. */
	public record Kept<T>(T file, FieldProblem problem) {
	}

	public Kept<Attachment> attachment(String field, Upload upload) {
		byte[] bytes = upload.bytes();
		if (bytes.length > ATTACHMENT_MAX) {
			return refused(field, "openness.pub.error.attachment-size", upload.name(), ATTACHMENT_MAX / 1024 / 1024);
		}
		Optional<String> type = attachmentType(bytes);
		if (type.isEmpty()) {
			return refused(field, "openness.pub.error.attachment-type", upload.name());
		}
		Optional<UploadCheck.Problem> unsafe = type.get().equals(DOCX) ? Optional.empty() : UploadCheck.problem(bytes, type.get());
		if (unsafe.isPresent()) {
			return refused(field, unsafe.get().messageKey(), upload.name());
		}
		FileStore.Stored stored = files.put(bytes, type.get(), safeName(upload.name()));
		return new Kept<>(new Attachment(stored.id(), stored.originalName(), stored.contentType(), stored.size(), stored.sha256()), null);
	}

	public Kept<Figure> figure(String field, Upload upload, String caption, String alt) {
		byte[] bytes = upload.bytes();
		if (bytes.length > FIGURE_MAX) {
			return refused(field, "openness.pub.error.figure-size", upload.name(), FIGURE_MAX / 1024 / 1024);
		}
		Optional<String> type = FileTypes.detect(bytes).filter(t -> t.equals(FileTypes.PNG) || t.equals(FileTypes.JPEG));
		if (type.isEmpty()) {
			return refused(field, "openness.pub.error.figure-type", upload.name());
		}
		FileStore.Stored stored = files.put(bytes, type.get(), safeName(upload.name()));
		return new Kept<>(new Figure(stored.id(), stored.contentType(), caption, alt), null);
	}

	/** A picture drawn by the platform (the demo's 图解 panels). */
	public Figure drawn(String svg, String caption, String alt) {
		FileStore.Stored stored = files.put(svg.getBytes(StandardCharsets.UTF_8), SVG, "figure.svg");
		return new Figure(stored.id(), SVG, caption, alt);
	}

	public Optional<InputStream> open(String fileId) {
		return files.open(fileId);
	}

	/** PDF or OFD (by their signatures), or DOCX: an OOXML package (a ZIP) holding a WordprocessingML document part. */
	public static Optional<String> attachmentType(byte[] bytes) {
		Optional<String> detected = FileTypes.detect(bytes);
		if (detected.isPresent()) {
			return detected.filter(t -> t.equals(FileTypes.PDF) || t.equals(FileTypes.OFD));
		}
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			return Optional.empty();
		}
		try {
			Map<String, byte[]> entries = UploadCheck.unpack(bytes);
			return entries.containsKey("[Content_Types].xml") && entries.containsKey("word/document.xml") ? Optional.of(DOCX)
					: Optional.empty();
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	static String safeName(String name) {
		String safe = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		return safe.isEmpty() ? "附件" : safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
	}

	private static <T> Kept<T> refused(String field, String key, Object... args) {
		return new Kept<>(null, FieldProblem.of(field, key, args));
	}
}
