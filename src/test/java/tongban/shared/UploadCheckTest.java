package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.junit.jupiter.api.Test;

import tongban.shared.UploadCheck.Problem;
import tongban.support.SamplePdfs;

/**
 * PDFs and OFD packages as an attacker or a broken scanner sends them: each made here with PDFBox or java.util.zip,
 * so the test does not depend on sample files whose content nobody can see.
 */
public class UploadCheckTest {

	private static Problem problemOfPdf(byte[] pdf) {
		return UploadCheck.problem(pdf, FileTypes.PDF).orElse(null);
	}

	@Test
	void aPlainPdfIsKept() {
		assertThat(problemOfPdf(SamplePdfs.blank())).isNull();
	}

	@Test
	void javaScriptOnOpeningIsRefused() {
		assertThat(problemOfPdf(SamplePdfs.withJavaScript())).isEqualTo(Problem.PDF_ACTIVE_CONTENT);
	}

	@Test
	void javaScriptOnAPageIsRefused() {
		byte[] pdf = SamplePdfs.pdf(doc -> {
			var actions = new PDPageAdditionalActions();
			actions.setO(new PDActionJavaScript("this.print();"));
			doc.getPage(0).setActions(actions);
		});
		assertThat(problemOfPdf(pdf)).isEqualTo(Problem.PDF_ACTIVE_CONTENT);
	}

	@Test
	void aLaunchActionIsRefused() {
		byte[] pdf = SamplePdfs.pdf(doc -> {
			var launch = new PDActionLaunch();
			launch.setFile(new PDComplexFileSpecification());
			doc.getDocumentCatalog().setOpenAction(launch);
		});
		assertThat(problemOfPdf(pdf)).isEqualTo(Problem.PDF_ACTIVE_CONTENT);
	}

	@Test
	void anEmbeddedFileIsRefused() {
		byte[] pdf = SamplePdfs.pdf(doc -> {
			try {
				var spec = new PDComplexFileSpecification();
				spec.setFile("run.exe");
				spec.setEmbeddedFile(new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream("MZ".getBytes(StandardCharsets.ISO_8859_1))));
				var tree = new PDEmbeddedFilesNameTreeNode();
				tree.setNames(Map.of("run.exe", spec));
				var names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
				names.setEmbeddedFiles(tree);
				doc.getDocumentCatalog().setNames(names);
			}
			catch (IOException e) {
				throw new AssertionError(e);
			}
		});
		assertThat(problemOfPdf(pdf)).isEqualTo(Problem.PDF_ACTIVE_CONTENT);
	}

	@Test
	void aTruncatedPdfIsRefused() {
		byte[] whole = SamplePdfs.pdf(doc -> doc.addPage(new PDPage()));
		assertThat(problemOfPdf(Arrays.copyOf(whole, whole.length * 2 / 3))).isEqualTo(Problem.PDF_UNREADABLE);
		assertThat(problemOfPdf(Arrays.copyOf(whole, whole.length - 10))).isEqualTo(Problem.PDF_UNREADABLE);
		assertThat(problemOfPdf("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Problem.PDF_UNREADABLE);
	}

	/** An OFD package of a real root file and one entry of zeros that expands to {@code zeros} bytes. */
	public static byte[] zipBomb(long zeros) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry("OFD.xml"));
				zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
				zip.putNextEntry(new ZipEntry("Doc_0/Res/zeros.bin"));
				byte[] block = new byte[1024 * 1024];
				for (long left = zeros; left > 0; left -= block.length) {
					zip.write(block, 0, (int) Math.min(block.length, left));
				}
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void anOfdThatExpandsTooFarIsRefused() {
		byte[] bomb = zipBomb(1024L * 1024 * 1024);
		assertThat(bomb.length).as("about 1 MB on the wire").isLessThan(1_200_000);
		assertThat(FileTypes.detect(bomb)).contains(FileTypes.OFD);
		assertThat(UploadCheck.problem(bomb, FileTypes.OFD)).contains(Problem.PACKAGE_TOO_LARGE);
		assertThat(UploadCheck.problem(zipBomb(1024 * 1024), FileTypes.OFD)).as("a small package").isEmpty();
	}

	@Test
	void anOfdWithTooManyEntriesIsRefused() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("OFD.xml"));
			for (int i = 0; i < UploadCheck.PACKAGE_MAX_ENTRIES + 1; i++) {
				zip.putNextEntry(new ZipEntry("Doc_0/x" + i));
			}
		}
		assertThat(UploadCheck.problem(out.toByteArray(), FileTypes.OFD)).contains(Problem.PACKAGE_TOO_LARGE);
	}
}
