package tongban.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.licence.internal.LicenceOfd;
import tongban.licence.internal.LicencePdf;
import tongban.shared.DomainException;
import tongban.shared.Hashes;
import tongban.support.IntegrationTest;
import tongban.support.Ofdrw;
import tongban.support.Poppler;
import tongban.support.SignedBytes;

/**
 * Seals from the registry applied to a PDF: poppler's pdfsig (an independent verifier) reports the PAdES signature
 * valid over the whole document, and a copy with one byte changed invalid, as does the platform's own check. Sealing
 * without TOTP, or by another department's staff, is refused and the refusal recorded.
 */
class SealIT extends IntegrationTest {

	@Autowired
	SealManagement seals;

	@Autowired
	SealRegistry sealRegistry;

	static byte[] document(String text) throws Exception {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			// uncompressed, so that a tamper test finds the text in the file and changes what the page shows
			try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
				out.beginText();
				out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				out.newLineAtOffset(72, 700);
				out.showText(text);
				out.endText();
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
	}

	/** The PDF with a page added in an incremental update, as someone would change a sealed file without breaking it. */
	static byte[] appendPage(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			doc.addPage(new PDPage());
			doc.getPages().getCOSObject().setNeedToBeUpdated(true);
			doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.saveIncremental(out);
			return out.toByteArray();
		}
	}

	@Test
	void aSealedPdfVerifiesIndependentlyAndATamperedOneDoesNot() throws Exception {
		SealRegistry.SealView seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		assertThat(seal.name()).isEqualTo("杭州市西湖区市场监督管理局行政许可专用章");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(sealRegistry.image(seal.id()).orElseThrow()));
		assertThat(image.getWidth()).isEqualTo(image.getHeight());
		int centre = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
		assertThat((centre >> 16) & 0xFF).as("a red star in the middle").isGreaterThan(180);
		assertThat(centre & 0xFF).isLessThan(60);

		var approver = new SealManagement.Sealer(UUID.randomUUID(), "审批员甲", "XH-SCJG", Set.of("APPROVER"), true);
		byte[] sealed = seals.sealPdf(seal.id(), document("Licence 0001"), approver, "test-1", "电子证照签章");
		String report = Poppler.signatures(sealed);
		assertThat(report).contains("Signature Validation: Signature is Valid.").contains("Signature Type: ETSI.CAdES.detached")
			.contains("市场监督管理局");
		assertThat(Poppler.signedRevision(sealed)).as("the seal covers the whole revision it sealed; only its validation data follows")
			.contains("Signature is Valid.").contains("- Total document signed");
		assertThat(seals.checkPdf(sealed).valid()).isTrue();

		byte[] tampered = SignedBytes.replaceSigned(sealed, "(Licence 0001)", "(Licence 0009)");
		assertThat(Poppler.text(tampered)).as("the change is to what the page shows").contains("Licence 0009");
		assertThat(Poppler.signatures(tampered)).doesNotContain("Signature is Valid.");
		assertThat(seals.checkPdf(tampered).problem()).isEqualTo("seal.check.signature");
		byte[] appended = Arrays.copyOf(sealed, sealed.length + 10);
		assertThat(seals.checkPdf(appended).valid()).isFalse();
		assertThat(seals.checkPdf(appendPage(sealed)).problem()).as("a page added after sealing").isEqualTo("seal.check.modified");

		assertThat(sealRegistry.uses(seal.id(), 5)).anyMatch(u -> u.outcome().equals("SEALED") && u.documentRef().equals("test-1")
				&& u.actorName().equals("审批员甲") && u.documentSha256().equals(Hashes.sha256Hex(sealed)));
	}

	@Test
	void aMemberOfStaffSealsAsTheStaffMemberSaysWithoutASecurityContext() throws Exception {
		assertThat(SecurityContextHolder.getContext().getAuthentication()).as("nobody signed in on this thread").isNull();
		SealRegistry.SealView seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		StaffMember approver = new StaffMember(UUID.randomUUID(), "审批员乙", "XH-SCJG", "330106", Set.of(Role.APPROVER, Role.COUNTER_CLERK));

		SealManagement.Sealer confirmed = seals.sealer(approver.withSecondFactor(true));
		assertThat(confirmed).isEqualTo(new SealManagement.Sealer(approver.id(), "审批员乙", "XH-SCJG", Set.of("APPROVER", "COUNTER_CLERK"), true));
		byte[] sealed = seals.sealPdf(seal.id(), document("Sealed by a StaffMember"), confirmed, "staff-member-1", "test");
		assertThat(seals.checkPdf(sealed).valid()).isTrue();

		SealManagement.Sealer unconfirmed = seals.sealer(approver);
		assertThat(unconfirmed.totp()).isFalse();
		assertThat(catchThrowableOfType(DomainException.class,
				() -> seals.sealPdf(seal.id(), document("Not confirmed"), unconfirmed, "staff-member-2", "test")).code()).isEqualTo("seal-totp");
		assertThat(sealRegistry.uses(seal.id(), 20)).filteredOn(u -> u.documentRef().startsWith("staff-member-"))
			.extracting(SealRegistry.Use::actorName, SealRegistry.Use::outcome)
			.containsExactlyInAnyOrder(tuple("审批员乙", "SEALED"), tuple("审批员乙", "REFUSED"));
	}

	@Test
	void sealingWithoutTheRightOrWithoutTotpIsRefusedAndRecorded() throws Exception {
		SealRegistry.SealView seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		byte[] pdf = document("Refused");
		var noTotp = new SealManagement.Sealer(UUID.randomUUID(), "未验证", "XH-SCJG", Set.of("APPROVER"), false);
		assertThat(catchThrowableOfType(DomainException.class, () -> seals.sealPdf(seal.id(), pdf, noTotp, "refuse-1", "x")).code())
			.isEqualTo("seal-totp");
		var otherDepartment = new SealManagement.Sealer(UUID.randomUUID(), "他部门", "XH-MZ", Set.of("APPROVER"), true);
		assertThat(catchThrowableOfType(DomainException.class, () -> seals.sealPdf(seal.id(), pdf, otherDepartment, "refuse-2", "x")).code())
			.isEqualTo("seal-forbidden");
		var clerk = new SealManagement.Sealer(UUID.randomUUID(), "窗口", "XH-SCJG", Set.of("COUNTER_CLERK"), true);
		assertThat(catchThrowableOfType(DomainException.class, () -> seals.sealPdf(seal.id(), pdf, clerk, "refuse-3", "x")).code())
			.isEqualTo("seal-forbidden");
		assertThat(sealRegistry.uses(seal.id(), 20)).filteredOn(u -> u.documentRef().startsWith("refuse-"))
			.extracting(SealRegistry.Use::reason).containsExactlyInAnyOrder("seal-totp", "seal-forbidden", "seal-forbidden");
	}

	@Test
	void aSealedOfdVerifiesWithOfdrwAndAnAlteredOneDoesNot() throws Exception {
		SealRegistry.SealView seal = sealRegistry.activeSeal("XH-MZ", List.of("婚姻登记专用章")).orElseThrow();
		byte[] ofd = LicenceOfd.render(new LicencePdf.Content("结婚证", "1.2.156.3005.2.x", "J0001",
				Map.of("持证人", "周新娘", "男方", "吴新郎"), "杭州市西湖区民政局", LocalDate.of(2026, 11, 23), "http://localhost/verify/x",
				new byte[0], ""));
		var approver = new SealManagement.Sealer(UUID.randomUUID(), "婚登审批员", "XH-MZ", Set.of("APPROVER"), true);
		byte[] sealed = seals.sealOfd(seal.id(), ofd, approver, "ofd-1", 130, 205);
		assertThat(Ofdrw.verify(sealed)).as("ofdrw's validator").isEqualTo("VALID");
		assertThat(seals.checkOfd(sealed).valid()).as("the platform's own check").isTrue();
		assertThat(seals.checkOfd(sealed).signer()).contains("婚姻登记专用章");

		// the same document with one character of its page content changed, repackaged
		ByteArrayOutputStream altered = new ByteArrayOutputStream();
		boolean changed = false;
		try (var in = new ZipInputStream(new ByteArrayInputStream(sealed));
				var out = new ZipOutputStream(altered)) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] data = in.readAllBytes();
				if (e.getName().endsWith("Content.xml") && e.getName().contains("Page")) {
					String text = new String(data, StandardCharsets.UTF_8);
					String replaced = text.replace("周新娘", "周新郎");
					changed |= !replaced.equals(text);
					data = replaced.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(data);
				out.closeEntry();
			}
		}
		assertThat(changed).as("the holder's name was in the page content").isTrue();
		assertThat(Ofdrw.verify(altered.toByteArray())).startsWith("INVALID");
		assertThat(seals.checkOfd(altered.toByteArray()).problem()).isEqualTo("seal.check.signature");
		assertThat(seals.checkOfd("not an ofd".getBytes()).valid()).isFalse();
	}
}
