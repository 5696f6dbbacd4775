package tongban.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * PDFs made with PDFBox for uploads in tests: a blank one the platform keeps, and ones an attacker sends. Uploads are
 * parsed (UploadCheck), so a few bytes that merely start with {@code %PDF-} no longer pass for a material.
 */
public final class SamplePdfs {

	private SamplePdfs() {
	}

	/** A one-page PDF, changed by the given step before it is saved. */
	public static byte[] pdf(Consumer<PDDocument> change) {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			change.accept(doc);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	/** A blank one-page PDF. */
	public static byte[] blank() {
		return pdf(doc -> { });
	}

	/** A PDF that runs JavaScript when it is opened (what issue 16 uploaded as a material). */
	public static byte[] withJavaScript() {
		return pdf(doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
	}
}
