package tongban.seal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import tongban.seal.SealManagement.PdfCheck;

/**
 * PAdES baseline B-T signatures (ETSI EN 319 142-1) on PDF with PDFBox and BouncyCastle: a detached CMS signature
 * ({@code ETSI.CAdES.detached}) with the signing-certificate-v2 attribute and no signing-time attribute (the time is
 * the signature dictionary's M entry), over the whole file as saved incrementally, with the signature value
 * time-stamped by the platform's unit ({@link TimeStamps}) when one is given. Also the platform's own check of a
 * signed PDF (independent verifiers are poppler's pdfsig and EU DSS, in the tests).
 */
public final class PadesSigner {

	private PadesSigner() {
	}

	public static byte[] sign(byte[] pdf, SigningKeys.Entry key, String name, String reason, String location, TimeStamps tsa) {
		PDSignature s = new PDSignature();
		s.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
		s.setName(name);
		s.setReason(reason);
		s.setLocation(location);
		return signIncrementally(pdf, s, content -> cms(content, key, tsa));
	}

	/**
	 * The PDF with the signature dictionary added in an incremental update, its contents made by {@code contents} from
	 * the bytes the byte range covers (a CMS signature, or a time-stamp token for a document time-stamp).
	 */
	static byte[] signIncrementally(byte[] pdf, PDSignature s, UnaryOperator<byte[]> contents) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			s.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			s.setSignDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai")));
			SignatureOptions options = new SignatureOptions();
			options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE);
			doc.addSignature(s, options);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
			ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
			external.setSignature(contents.apply(external.getContent().readAllBytes()));
			options.close();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] cms(byte[] content, SigningKeys.Entry key, TimeStamps tsa) {
		try {
			X509Certificate cert = key.certificate();
			byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
			SigningCertificateV2 signingCert = new SigningCertificateV2(
					new ESSCertIDv2[] { new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash) });
			ASN1EncodableVector v = new ASN1EncodableVector();
			v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCert)));
			CMSAttributeTableGenerator withoutTime = new CMSAttributeTableGenerator() {
				private final DefaultSignedAttributeTableGenerator inner = new DefaultSignedAttributeTableGenerator(new AttributeTable(v));

				@Override
				@SuppressWarnings({ "rawtypes", "unchecked" })
				public AttributeTable getAttributes(Map parameters) {
					Hashtable<ASN1Encodable, Object> table = inner.getAttributes(parameters).toHashtable();
					table.remove(CMSAttributes.signingTime);
					return new AttributeTable(table);
				}
			};
			CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
			gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.PROVIDER).build())
				.setSignedAttributeGenerator(withoutTime)
				.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.PROVIDER).build(key.key()), cert));
			gen.addCertificates(new JcaCertStore(key.chain()));
			CMSSignedData signed = gen.generate(new CMSProcessableByteArray(content), false);
			if (tsa == null) {
				return signed.getEncoded();
			}
			// B-T: the signature value time-stamped by the platform's unit, as the signature-time-stamp attribute
			SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
			var token = tsa.stamp(signer.getSignature());
			ASN1EncodableVector unsigned = new ASN1EncodableVector();
			unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
					new DERSet(token.toCMSSignedData().toASN1Structure())));
			SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
			return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
			throw new IllegalStateException("cannot sign", e);
		}
	}

	/**
	 * Checks the newest seal of a PDF: the file parses, what was appended after the seal is only validation data and
	 * document time-stamps (B-LT, B-LTA) that change nothing a reader shows, the CMS signature verifies over the signed
	 * bytes, and the signer's certificate chains to the trusted root. Never throws for a bad file: the answer says what
	 * is wrong.
	 */
	public static PdfCheck check(byte[] pdf, X509Certificate trustedRoot) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = doc.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return PdfCheck.problem("seal.check.unsigned", null);
			}
			// the newest seal; document time-stamps after it (B-LTA) are not seals
			PDSignature s = signatures.reversed().stream()
				.filter(x -> !COSName.DOC_TIME_STAMP.equals(x.getCOSObject().getCOSName(COSName.TYPE)))
				.findFirst()
				.orElse(null);
			if (s == null) {
				return PdfCheck.problem("seal.check.unsigned", null);
			}
			int[] range = s.getByteRange();
			if (range == null || range.length != 4 || (long) range[2] + range[3] > pdf.length
					|| !LongTermValidation.onlyValidationDataAfter(pdf, range[2] + range[3])) {
				return PdfCheck.problem("seal.check.modified", null);
			}
			byte[] signed = s.getSignedContent(pdf);
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), s.getContents(pdf));
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			var matches = cms.getCertificates().getMatches(signer.getSID());
			if (matches.isEmpty()) {
				return PdfCheck.problem("seal.check.noCertificate", null);
			}
			X509CertificateHolder holder = (X509CertificateHolder) matches.iterator().next();
			X509Certificate cert = new JcaX509CertificateConverter().setProvider(Crypto.PROVIDER).getCertificate(holder);
			String signerName = Crypto.commonName(cert);
			if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.PROVIDER).build(cert))) {
				return PdfCheck.problem("seal.check.signature", signerName);
			}
			if (!Crypto.chainsTo(cert, carried(cms), trustedRoot)) {
				return PdfCheck.problem("seal.check.untrusted", signerName);
			}
			return new PdfCheck(true, null, signerName, s.getSignDate() == null ? null : s.getSignDate().toInstant());
		}
		catch (IOException | CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
			return PdfCheck.problem("seal.check.signature", null);
		}
	}

	/** The certificates the CMS structure carries: the pool the signer's chain is built from. */
	private static List<X509Certificate> carried(CMSSignedData cms) throws GeneralSecurityException {
		List<X509Certificate> pool = new ArrayList<>();
		var converter = new JcaX509CertificateConverter().setProvider(Crypto.PROVIDER);
		for (Object o : cms.getCertificates().getMatches(null)) {
			pool.add(converter.getCertificate((X509CertificateHolder) o));
		}
		return pool;
	}
}
