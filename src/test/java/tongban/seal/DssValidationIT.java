package tongban.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.validation.reports.Reports;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.springframework.beans.factory.annotation.Value;
import tongban.support.Dss;
import tongban.support.Poppler;
import tongban.support.IntegrationTest;
import tongban.support.SignedBytes;

/**
 * EU DSS, with the platform's P-256 root as its only trust anchor and nothing else (no CRLs handed to it, no network:
 * the revocation data must be in the file), validates a sealed PDF under its default policy as TOTAL_PASSED at
 * PAdES-BASELINE-LT, the same file with an archive time-stamp at PAdES-BASELINE-LTA, and a copy with one byte changed
 * as failed. The certificates name where their issuers' CRLs and certificates are published, and those URLs serve them.
 */
class DssValidationIT extends IntegrationTest {

	@Autowired
	SealManagement seals;

	@Autowired
	SealRegistry sealRegistry;

	private Reports validate(byte[] pdf) {
		return Dss.validate(pdf, seals.root(Family.P256));
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
		SealRegistry.SealView seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		var approver = new SealManagement.Sealer(UUID.randomUUID(), "审批员乙", "XH-SCJG", Set.of("APPROVER"), true);
		byte[] sealed = seals.sealPdf(seal.id(), SealIT.document("Licence DSS"), approver, "dss-1", "电子证照签章");

		Reports reports = validate(sealed);
		var simple = reports.getSimpleReport();
		String id = simple.getFirstSignatureId();
		assertThat(simple.getIndication(id)).as(simple.getSubIndication(id) + " " + simple.getQualificationErrors(id) + " "
				+ reports.getDetailedReport().getAdESValidationErrors(id)).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(simple.getSignatureFormat(id).toString()).as("revocation data embedded").isEqualTo("PAdES-BASELINE-LT");

		byte[] archived = seals.addArchiveTimeStamp(sealed);
		Reports lta = validate(archived);
		String ltaId = lta.getSimpleReport().getFirstSignatureId();
		assertThat(lta.getSimpleReport().getIndication(ltaId)).as(lta.getDetailedReport().getAdESValidationErrors(ltaId).toString())
			.isEqualTo(Indication.TOTAL_PASSED);
		assertThat(lta.getSimpleReport().getSignatureFormat(ltaId).toString()).isEqualTo("PAdES-BASELINE-LTA");
		assertThat(seals.checkPdf(archived).valid()).as("the platform's own check").isTrue();
		// pdfsig does not check document time-stamps ("Unimplemented Feature"), but still the seal under it
		assertThat(Poppler.signatures(archived)).contains("Signature #2").contains("通办平台时间戳服务")
			.contains("Signature is Valid.").doesNotContain("Signature is Invalid");

		// what is appended after the seal may add validation data and time-stamps, not change a page
		byte[] changed = SealIT.appendPage(archived);
		assertThat(seals.checkPdf(changed).problem()).isEqualTo("seal.check.modified");

		byte[] tampered = SignedBytes.replaceSigned(sealed, "(Licence DSS)", "(Licence DSX)");
		var bad = validate(tampered).getSimpleReport();
		assertThat(bad.getIndication(bad.getFirstSignatureId())).isEqualTo(Indication.TOTAL_FAILED);
	}

	@Test
	void everyIssuedCertificateSaysWhereItsIssuersCrlAndCertificateAre() throws Exception {
		SealRegistry.SealView seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		X509Certificate sealCert = sealRegistry.certificate(seal.id());
		assertThat(crlUrl(sealCert)).isEqualTo(publicUrl + "/ca/p256-issuing.crl");
		assertThat(caIssuersUrl(sealCert)).isEqualTo(publicUrl + "/ca/p256-issuing.cer");
		X509Certificate issuing = seals.issuingCa(Family.P256);
		assertThat(crlUrl(issuing)).isEqualTo(publicUrl + "/ca/p256-root.crl");
		assertThat(caIssuersUrl(issuing)).isEqualTo(publicUrl + "/ca/p256-root.cer");
		assertThat(crlUrl(seals.issuingCa(Family.SM2))).isEqualTo(publicUrl + "/ca/sm2-root.crl");

		// the URLs serve, to anyone, the CRL signed by the issuer and the issuer's certificate
		var factory = CertificateFactory.getInstance("X.509");
		var crl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(http(path(crlUrl(sealCert)))));
		crl.verify(issuing.getPublicKey());
		var issuer = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(http(path(caIssuersUrl(sealCert)))));
		assertThat(issuer).isEqualTo(issuing);
		assertThat(factory.generateCertificate(new ByteArrayInputStream(http(path(caIssuersUrl(issuing)))))).isEqualTo(seals.root(Family.P256));
	}

	@Value("${tongban.public-url}")
	String publicUrl;

	private static String path(String url) {
		return URI.create(url).getPath();
	}

	private static String crlUrl(X509Certificate cert) throws Exception {
		var points = CRLDistPoint.getInstance(
				ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.31")).getOctets());
		var names = (GeneralNames) points.getDistributionPoints()[0].getDistributionPoint().getName();
		return names.getNames()[0].getName().toString();
	}

	private static String caIssuersUrl(X509Certificate cert) {
		var access = AuthorityInformationAccess.getInstance(
				ASN1OctetString.getInstance(cert.getExtensionValue("1.3.6.1.5.5.7.1.1")).getOctets());
		var description = access.getAccessDescriptions()[0];
		assertThat(description.getAccessMethod()).isEqualTo(AccessDescription.id_ad_caIssuers);
		return description.getAccessLocation().getName().toString();
	}
}
