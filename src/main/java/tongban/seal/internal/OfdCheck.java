package tongban.seal.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

import tongban.seal.SealManagement.PdfCheck;
import tongban.shared.UploadCheck;

/**
 * The platform's own check of the GB/T 38540 seals on an OFD, written on our BouncyCastle (ofdrw 2.3.1's validator
 * needs an older one, decision 0006): every file a signature protects still has the SM3 digest it lists; the
 * signature's data hash is the SM3 of its Signature.xml; the SM3withSM2 signature over the to-be-signed structure
 * verifies with the signer's certificate; the seal structure verifies with its maker's certificate; and both
 * certificates chain to the platform's SM2 root. Never throws for a bad file: the answer says what is wrong.
 */
public final class OfdCheck {

	private static final Pattern REFERENCE = Pattern.compile(
			"<ofd:Reference FileRef=\"([^\"]+)\"\\s*>\\s*<ofd:CheckValue>([^<]+)</ofd:CheckValue>");
	private static final Pattern SIGNED_VALUE = Pattern.compile("<ofd:SignedValue>([^<]+)</ofd:SignedValue>");

	private OfdCheck() {
	}

	public static PdfCheck check(byte[] ofd, X509Certificate issuing, X509Certificate root) {
		try {
			Map<String, byte[]> files = unzip(ofd);
			var signatures = files.keySet().stream().filter(n -> n.matches(".*/Signs/Sign_\\d+/Signature\\.xml")).sorted().toList();
			if (signatures.isEmpty()) {
				return PdfCheck.problem("seal.check.unsigned", null);
			}
			String signer = null;
			for (String name : signatures) {
				byte[] signatureXml = files.get(name);
				String xml = new String(signatureXml, StandardCharsets.UTF_8);
				Matcher refs = REFERENCE.matcher(xml);
				int count = 0;
				while (refs.find()) {
					count++;
					byte[] file = files.get(refs.group(1).replaceFirst("^/", ""));
					if (file == null || !MessageDigest.isEqual(sm3(file), Base64.getDecoder().decode(refs.group(2).strip()))) {
						return PdfCheck.problem("seal.check.signature", signer);
					}
				}
				Matcher value = SIGNED_VALUE.matcher(xml);
				if (count == 0 || !value.find()) {
					return PdfCheck.problem("seal.check.signature", signer);
				}
				byte[] signedValue = files.get(value.group(1).replaceFirst("^/", ""));
				if (signedValue == null) {
					return PdfCheck.problem("seal.check.signature", signer);
				}
				// SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OID, signature BIT STRING, ... }
				ASN1Sequence ses = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signedValue));
				ASN1Sequence tbs = ASN1Sequence.getInstance(ses.getObjectAt(0));
				X509Certificate cert = certificate(ASN1OctetString.getInstance(ses.getObjectAt(1)).getOctets());
				signer = Crypto.commonName(cert);
				// TBS_Sign ::= SEQUENCE { version, eseal SESeal, timeInfo, dataHash BIT STRING, propertyInfo, ... }
				byte[] dataHash = ASN1BitString.getInstance(tbs.getObjectAt(3)).getOctets();
				if (!MessageDigest.isEqual(dataHash, sm3(signatureXml))) {
					return PdfCheck.problem("seal.check.signature", signer);
				}
				if (!verify(cert, tbs.getEncoded(ASN1Encoding.DER), ASN1BitString.getInstance(ses.getObjectAt(3)).getOctets())) {
					return PdfCheck.problem("seal.check.signature", signer);
				}
				// SESeal ::= SEQUENCE { esealInfo, cert OCTET STRING (the maker's), signAlgID, signedValue BIT STRING }
				ASN1Sequence seal = ASN1Sequence.getInstance(tbs.getObjectAt(1));
				X509Certificate maker = certificate(ASN1OctetString.getInstance(seal.getObjectAt(1)).getOctets());
				if (!verify(maker, seal.getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER),
						ASN1BitString.getInstance(seal.getObjectAt(3)).getOctets())) {
					return PdfCheck.problem("seal.check.signature", signer);
				}
				if (!trusted(cert, issuing, root) || !trusted(maker, issuing, root)) {
					return PdfCheck.problem("seal.check.untrusted", signer);
				}
			}
			return new PdfCheck(true, null, signer, null);
		}
		catch (IOException | GeneralSecurityException | RuntimeException e) {
			return PdfCheck.problem("seal.check.signature", null);
		}
	}

	/** The certificate is the platform's SM2 issuing CA, or one it issued, chained to the SM2 root. */
	private static boolean trusted(X509Certificate cert, X509Certificate issuing, X509Certificate root) {
		try {
			return Crypto.chainsTo(cert, List.of(issuing), root);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	private static boolean verify(X509Certificate cert, byte[] data, byte[] signature) throws GeneralSecurityException {
		Signature s = Signature.getInstance("SM3withSM2", Crypto.PROVIDER);
		s.initVerify(cert.getPublicKey());
		s.update(data);
		return s.verify(signature);
	}

	private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
		return (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.PROVIDER).generateCertificate(new ByteArrayInputStream(der));
	}

	private static byte[] sm3(byte[] data) throws GeneralSecurityException {
		return MessageDigest.getInstance("SM3", Crypto.PROVIDER).digest(data);
	}

	private static Map<String, byte[]> unzip(byte[] ofd) throws IOException {
		return UploadCheck.unpack(ofd);
	}
}
