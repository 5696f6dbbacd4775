package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.seal.Family;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.shared.Hashes;
import tongban.shared.Upload;
import tongban.support.Dss;
import tongban.support.IntegrationTest;
import tongban.support.Poppler;
import tongban.support.TestCases;
import tongban.support.VerifyPage;

/**
 * Issue 16 point 4: the acceptance notice, the supplement notice and the decision letter of a case are sealed by the
 * handling department's seal when the step is taken: pdfsig finds the seal valid, EU DSS (offline, nothing handed to
 * it) passes it at PAdES-BASELINE-LT, the platform's /verify answers
 * 电子印章有效 naming the department, and every download is the same sealed file dated the day of the step.
 */
class IssuedDocumentsIT extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Autowired
	CaseDocuments documents;

	@Autowired
	SealManagement seals;

	@Test
	void everyDocumentOfACaseIsSealedByTheDepartmentAndVerifies() throws Exception {
		Citizen me = newCitizen("盖章文书", 2);
		CaseId id = TestCases.submittedSocialSecurityCard(applying, me);
		handling.requestSupplements(id, "受理员甲", Map.of(1, "照片模糊"));
		var a = TestCases.actor(me);
		assertThat(applying.resubmit(a, id, Map.of(1, new Upload("p2.png", ApplyOnlineJourneyIT.PNG)))).isEmpty();
		handling.accept(id, "受理员甲");
		handling.decide(id, TestCases.approver("审批员乙"), true, null);

		CaseView c = cases.find(a, id).orElseThrow();
		assertThat(documents.available(c)).containsExactly(CaseDocuments.Kind.ACCEPTANCE, CaseDocuments.Kind.SUPPLEMENT,
				CaseDocuments.Kind.DECISION);
		String department = "杭州市西湖区人力资源和社会保障局";
		for (CaseDocuments.Kind kind : CaseDocuments.Kind.values()) {
			byte[] pdf = documents.pdf(c, kind).orElseThrow();
			assertThat(Poppler.signatures(pdf)).as(kind.name()).contains("Signature is Valid.").contains(department);
			assertThat(Poppler.signedRevision(pdf)).contains("- Total document signed");
			assertThat(seals.checkPdf(pdf).valid()).isTrue();
			var dss = Dss.validate(pdf, seals.root(Family.P256)).getSimpleReport();
			assertThat(dss.getIndication(dss.getFirstSignatureId())).as(kind.name()).hasToString("TOTAL_PASSED");
			assertThat(dss.getSignatureFormat(dss.getFirstSignatureId())).as(kind.name()).hasToString("PAdES-BASELINE-LT");
			var verified = VerifyPage.upload(url(""), pdf, kind.name().toLowerCase() + ".pdf");
			assertThat(verified.statusCode()).isEqualTo(200);
			assertThat(verified.body()).as(kind.name()).contains("电子印章有效").contains(department).doesNotContain("电子印章无效");
			assertThat(Hashes.sha256Hex(documents.pdf(c, kind).orElseThrow())).as("the same sealed file on every download")
				.isEqualTo(Hashes.sha256Hex(pdf));
			assertThat(Poppler.text(pdf).replaceAll("\\s+", "")).as("dated the day of the step").contains(CaseDocuments.DATE.format(LocalDate.now(Clocks.ZONE)));
		}
		assertThat(jdbc.sql("select count(*) from seal_use where document_ref like ? and outcome = 'SEALED'")
			.param("case:" + c.caseNumber() + ":%").query(Integer.class).single()).isEqualTo(3);
	}
}
