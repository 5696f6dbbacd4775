package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.Test;

import tongban.support.JourneyTest;
import tongban.support.SamplePdfs;

/**
 * Issue 16 point 21 on the page: a PDF that runs JavaScript and a truncated PDF are refused as materials with the
 * reason in Chinese beside the upload field and in the error summary.
 */
class UnsafeUploadJourneyIT extends JourneyTest {

	@Test
	void theReasonIsShownBesideTheUploadField() {
		Citizen me = newCitizen("上传脚本", 2);
		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/items/" + ApplyOnlineJourneyIT.ITEM);
		page.getByTestId("apply").click();
		page.getByTestId("start-application").click();

		page.locator("#m-1").setInputFiles(new FilePayload("照片.pdf", "application/pdf", SamplePdfs.withJavaScript()));
		page.getByTestId("save-draft").click();
		assertThat(page.locator("#m-1-error").innerText()).contains("“照片.pdf”含有脚本");
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("含有脚本");
		accessible();

		byte[] blank = SamplePdfs.blank();
		page.locator("#m-1").setInputFiles(new FilePayload("截断.pdf", "application/pdf", Arrays.copyOf(blank, blank.length / 2)));
		page.getByTestId("save-draft").click();
		assertThat(page.locator("#m-1-error").innerText()).contains("“截断.pdf”不是完整可读的 PDF 文件");
	}
}
