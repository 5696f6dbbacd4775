package tongban.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import tongban.support.IntegrationTest;

/**
 * EU DSS, with the platform's P-256 root as its only trust anchor and the CRLs the platform publishes at /ca, validates a
 * sealed PDF under its default policy as TOTAL_PASSED (PAdES baseline B), and a copy with one byte changed as failed.
 */
class DssValidationIT extends IntegrationTest {

	@Autowired
	SealManagement seals;

	private Reports validate(byte[] pdf) {
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken(seals.root(Family.P256)));
		verifier.setTrustedCertSources(trusted);
		byte[] rootCrl = http("/ca/p256-root.crl");
		byte[] issuingCrl = http("/ca/p256-issuing.crl");
		verifier.setCrlSource(new ExternalResourcesCRLSource(new ByteArrayInputStream(rootCrl), new ByteArrayInputStream(issuingCrl)));
		verifier.setOcspSource(null);
		verifier.setAIASource(null);
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
		validator.setCertificateVerifier(verifier);
		return validator.validateDocument();
	}

	private byte[] http(String path) {
		try {
			var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body();
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void dssPassesTheSealAndFailsATamperedCopy() throws Exception {
		SealManagement.SealView seal = seals.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		var approver = new SealManagement.Sealer(UUID.randomUUID(), "审批员乙", "XH-SCJG", Set.of("APPROVER"), true);
		byte[] sealed = seals.sealPdf(seal.id(), SealIT.document("Licence DSS"), approver, "dss-1", "电子证照签章");

		Reports reports = validate(sealed);
		var simple = reports.getSimpleReport();
		String id = simple.getFirstSignatureId();
		assertThat(simple.getIndication(id)).as(simple.getSubIndication(id) + " " + simple.getQualificationErrors(id) + " "
				+ reports.getDetailedReport().getAdESValidationErrors(id)).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(simple.getSignatureFormat(id).toString()).as("time-stamped by the platform's unit").isEqualTo("PAdES-BASELINE-T");

		byte[] tampered = sealed.clone();
		int at = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Licence DSS");
		tampered[at + 8] = 'X';
		var bad = validate(tampered).getSimpleReport();
		assertThat(bad.getIndication(bad.getFirstSignatureId())).isEqualTo(Indication.TOTAL_FAILED);
	}
}
