package tongban.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.FilePayload;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.shared.DomainException;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * A platform admin makes a seal for the service centre in the console (an incomplete request refused at its field),
 * replaces its drawn image by an uploaded PNG (a file of another type and an opaque image refused),
 * suspends it (a reason required) so that sealing with it is refused, then revokes it: its certificate appears on the
 * issuing CA's CRL at once. Department admins cannot open the console's seal pages.
 */
class SealConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	SealManagement seals;

	@Autowired
	SealRegistry sealRegistry;

	@Test
	void makeSuspendAndRevokeASeal() throws Exception {
		var dep = directory.departmentByCode("XH-ZWFW").orElseThrow();
		Staff admin = newStaff(dep.code(), Role.PLATFORM_ADMIN, "印章管理员");
		login().open().signIn(admin.username(), admin.password()).totp(admin.totpCode());
		page.navigate(base() + "/workbench");
		page.getByTestId("console-seals-link").click();
		assertThat(page.getByTestId("seals").innerText()).contains("杭州市西湖区市场监督管理局行政许可专用章").contains("可用");
		accessible();

		page.getByTestId("create-seal").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请选择部门");
		page.locator("#department").selectOption("XH-ZWFW");
		page.locator("#type").selectOption("业务专用章");
		page.locator("#role").selectOption("COUNTER_CLERK");
		page.getByTestId("create-seal").click();
		assertThat(page.getByTestId("banner").innerText()).contains("印章已制作");
		assertThat(page.getByTestId("seal-details").innerText()).contains("业务专用章").contains("窗口人员").contains("可用");
		UUID id = UUID.fromString(page.url().replaceAll(".*/console/seals/([0-9a-f-]+).*", "$1"));
		assertThat(sealImageWidth()).isEqualTo(420);
		accessible();

		// an uploaded image in place of the drawn one: a JPEG-like file and an opaque PNG are refused at the field
		page.locator("#image").setInputFiles(new FilePayload("seal.jpg", "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }));
		page.getByTestId("upload-image").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("印模须为 PNG 图片");
		page.locator("#image").setInputFiles(new FilePayload("seal.png", "image/png", png(300, 300, false)));
		page.getByTestId("upload-image").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("背景须透明");
		assertThat(sealImageWidth()).as("the drawn image stays").isEqualTo(420);
		byte[] scan = png(300, 300, true);
		page.locator("#image").setInputFiles(new FilePayload("seal.png", "image/png", scan));
		page.getByTestId("upload-image").click();
		assertThat(page.getByTestId("banner").innerText()).contains("印模已更换");
		assertThat(sealImageWidth()).isEqualTo(300);
		assertThat(sealRegistry.image(id).orElseThrow()).isEqualTo(scan);
		assertThat(page.getByTestId("seal-uses").innerText()).contains("更换印模");
		accessible();

		page.getByTestId("change-status").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请填写变更原因");
		page.locator("#reason").fill("印章保管人员调整");
		page.locator("#status").selectOption("SUSPENDED");
		page.getByTestId("change-status").click();
		assertThat(page.getByTestId("seal-status").innerText()).isEqualTo("暂停");
		var clerk = new SealManagement.Sealer(UUID.randomUUID(), "窗口", "XH-ZWFW", Set.of("COUNTER_CLERK"), true);
		assertThat(catchThrowableOfType(DomainException.class, () -> seals.sealPdf(id, SealIT.document("x"), clerk, "suspended", "x")).code())
			.isEqualTo("seal-inactive");

		var crlFactory = CertificateFactory.getInstance("X.509");
		var cert = sealRegistry.certificate(id);
		assertThat(((X509CRL) crlFactory.generateCRL(new ByteArrayInputStream(seals.crl(Family.P256, false)))).isRevoked(cert)).isFalse();
		page.locator("#reason").fill("印章遗失");
		page.locator("#status").selectOption("REVOKED");
		page.getByTestId("change-status").click();
		assertThat(page.getByTestId("seal-status").innerText()).isEqualTo("已注销");
		assertThat(page.getByTestId("seal-uses").innerText()).contains("状态变更：印章遗失").contains("拒绝：seal-inactive");
		assertThat(((X509CRL) crlFactory.generateCRL(new ByteArrayInputStream(seals.crl(Family.P256, false)))).isRevoked(cert))
			.as("on the issuing CA's CRL at once").isTrue();

		Staff deptAdmin = newStaff(dep.code(), Role.DEPT_ADMIN, "部门管理员");
		var other = staffPage(deptAdmin);
		assertThat(other.navigate(base() + "/console/seals").status()).isEqualTo(403);
		other.context().close();
	}

	/** A red ring on a transparent (or, when not, white) background. */
	static byte[] png(int w, int h, boolean transparent) throws java.io.IOException {
		var img = new java.awt.image.BufferedImage(w, h, transparent ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = img.createGraphics();
		if (!transparent) {
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, w, h);
		}
		g.setColor(new java.awt.Color(0xC0, 0x10, 0x10));
		g.setStroke(new java.awt.BasicStroke(12));
		g.drawOval(10, 10, w - 20, h - 20);
		g.dispose();
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(img, "png", out);
		return out.toByteArray();
	}

	/** The width of the seal image once the browser has loaded it (0 while it is still loading). */
	private Object sealImageWidth() {
		page.waitForFunction("() => { const i = document.querySelector('img.seal-image'); return i && i.complete; }");
		return page.locator("img.seal-image").evaluate("i => i.naturalWidth");
	}
}
