package tongban.support;

import java.security.cert.X509Certificate;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * EU DSS as an independent validator of the platform's PAdES seals, offline: the platform's P-256 root is its only
 * trust anchor and it gets nothing else (no CRL or OCSP source, no AIA fetching), so whatever it needs to reach a
 * level must be in the file itself.
 */
public final class Dss {

	private Dss() {
	}

	public static Reports validate(byte[] pdf, X509Certificate root) {
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken(root));
		verifier.setTrustedCertSources(trusted);
		verifier.setCrlSource(null);
		verifier.setOcspSource(null);
		verifier.setAIASource(null);
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
		validator.setCertificateVerifier(verifier);
		return validator.validateDocument();
	}
}
