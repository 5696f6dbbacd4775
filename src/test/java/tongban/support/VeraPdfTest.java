package tongban.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The judge can say no: a plain PDF (no output intent, no XMP identification, font not embedded) is not PDF/A-3b. */
class VeraPdfTest {

	@Test
	void aPlainPdfIsNotPdfA() {
		assertThat(VeraPdf.pdfA3bFailures(SamplePdfs.blank())).isNotEmpty();
	}
}
