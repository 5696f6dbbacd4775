package tongban.seal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.tsp.TSPException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The long-term levels of PAdES (ETSI EN 319 142-1 5.4): B-LT adds the validation data (certificates and CRLs) to the
 * document security store (DSS dictionary, ISO 32000-2 12.8.4.3) in an incremental update after the signature, so a
 * verifier needs nothing from the network; B-LTA then adds a document time-stamp (SubFilter ETSI.RFC3161) over all
 * of it, renewed before the certificate of the newest time-stamp expires. Also the check that what was appended
 * after a seal changes nothing a reader shows (only validation data and time-stamps).
 */
public final class LongTermValidation {

	static final COSName DSS = COSName.getPDFName("DSS");
	static final COSName CERTS = COSName.getPDFName("Certs");
	static final COSName CRLS = COSName.getPDFName("CRLs");
	static final COSName RFC3161 = COSName.getPDFName("ETSI.RFC3161");

	/** Certificates and CRLs for the DSS dictionary. */
	public record ValidationData(List<X509Certificate> certificates, List<byte[]> crls) {
	}

	private LongTermValidation() {
	}

	/** The PDF with the validation data added to its DSS dictionary (what is there already is kept) incrementally. */
	public static byte[] addValidationData(byte[] pdf, ValidationData data) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
			COSDictionary dss = catalog.getCOSDictionary(DSS);
			if (dss == null) {
				dss = new COSDictionary();
			}
			List<byte[]> certificates = new ArrayList<>();
			for (X509Certificate c : data.certificates()) {
				certificates.add(c.getEncoded());
			}
			dss.setItem(CERTS, extended(doc, dss.getCOSArray(CERTS), certificates));
			dss.setItem(CRLS, extended(doc, dss.getCOSArray(CRLS), data.crls()));
			dss.setNeedToBeUpdated(true);
			catalog.setItem(DSS, dss);
			catalog.setNeedToBeUpdated(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 8_192);
			doc.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The array with a stream for each of the values not already in it. */
	private static COSArray extended(PDDocument doc, COSArray existing, List<byte[]> values) throws IOException {
		COSArray array = existing == null ? new COSArray() : existing;
		List<byte[]> present = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			if (array.getObject(i) instanceof COSStream s) {
				try (InputStream in = s.createInputStream()) {
					present.add(in.readAllBytes());
				}
			}
		}
		for (byte[] value : values) {
			if (present.stream().noneMatch(p -> Arrays.equals(p, value))) {
				COSStream stream = doc.getDocument().createCOSStream();
				try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
					out.write(value);
				}
				stream.setNeedToBeUpdated(true);
				array.add(stream);
				present.add(value);
			}
		}
		array.setNeedToBeUpdated(true);
		return array;
	}

	/** The PDF with a document time-stamp over the whole of it (the archive time-stamp of B-LTA). */
	public static byte[] addDocumentTimeStamp(byte[] pdf, TimeStamps tsa) {
		PDSignature s = new PDSignature();
		s.setType(COSName.DOC_TIME_STAMP);
		s.setSubFilter(RFC3161);
		return PadesSigner.signIncrementally(pdf, s, content -> {
			try {
				return tsa.stamp(content).getEncoded();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/**
	 * The certificate of the newest time-stamp in the PDF (a document time-stamp's, else the signature time-stamp of the
	 * newest signature): until it expires the time-stamp proves when the file existed as it is.
	 */
	public static Optional<X509CertificateHolder> newestTimeStampCertificate(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = doc.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return Optional.empty();
			}
			PDSignature newest = signatures.getLast();
			byte[] contents = newest.getContents(pdf);
			TimeStampToken token;
			if (COSName.DOC_TIME_STAMP.equals(newest.getCOSObject().getCOSName(COSName.TYPE))) {
				token = new TimeStampToken(new CMSSignedData(contents));
			}
			else {
				var signer = new CMSSignedData(contents).getSignerInfos().getSigners().iterator().next();
				var attributes = signer.getUnsignedAttributes();
				var stamp = attributes == null ? null
						: attributes.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
				if (stamp == null) {
					return Optional.empty();
				}
				token = new TimeStampToken(new CMSSignedData(stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
			}
			@SuppressWarnings("unchecked")
			var certs = token.getCertificates().getMatches(token.getSID());
			return certs.stream().findFirst().map(X509CertificateHolder.class::cast);
		}
		catch (IOException | RuntimeException | CMSException | TSPException e) {
			return Optional.empty();
		}
	}

	/**
	 * Whether what follows the first {@code signedLength} bytes (a seal's signed revision) changes nothing a reader
	 * shows: the same pages with the same content streams and resources, the same annotations apart from invisible
	 * signature fields, and in the catalogue nothing changed but the DSS dictionary and the form of signature fields.
	 */
	static boolean onlyValidationDataAfter(byte[] pdf, int signedLength) {
		if (signedLength == pdf.length) {
			return true;
		}
		// appended revisions end as a revision does; anything else after the last %%EOF is not an update
		String tail = new String(pdf, Math.max(signedLength, pdf.length - 64), pdf.length - Math.max(signedLength, pdf.length - 64),
				StandardCharsets.ISO_8859_1);
		if (!tail.stripTrailing().endsWith("%%EOF") || tail.length() - tail.stripTrailing().length() > 2) {
			return false;
		}
		try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, signedLength)); PDDocument whole = Loader.loadPDF(pdf)) {
			COSDictionary before = signed.getDocumentCatalog().getCOSObject();
			COSDictionary after = whole.getDocumentCatalog().getCOSObject();
			for (COSName key : union(before, after)) {
				if (!key.equals(DSS) && !key.equals(COSName.ACRO_FORM) && !sameReference(before.getItem(key), after.getItem(key))) {
					return false;
				}
			}
			if (signed.getNumberOfPages() != whole.getNumberOfPages()) {
				return false;
			}
			for (int i = 0; i < signed.getNumberOfPages(); i++) {
				PDPage a = signed.getPage(i);
				PDPage b = whole.getPage(i);
				for (COSName key : union(a.getCOSObject(), b.getCOSObject())) {
					if (!key.equals(COSName.ANNOTS) && !sameReference(a.getCOSObject().getItem(key), b.getCOSObject().getItem(key))) {
						return false;
					}
				}
				if (!visibleAnnotations(a).equals(visibleAnnotations(b))) {
					return false;
				}
			}
			if (whole.getSignatureDictionaries().stream().skip(signed.getSignatureDictionaries().size())
				.anyMatch(s -> !COSName.DOC_TIME_STAMP.equals(s.getCOSObject().getCOSName(COSName.TYPE)))) {
				return false;
			}
			return true;
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static List<COSName> union(COSDictionary a, COSDictionary b) {
		List<COSName> keys = new ArrayList<>(a.keySet());
		b.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
		return keys;
	}

	/** The same indirect object (number and generation), or equal direct values. */
	private static boolean sameReference(COSBase a, COSBase b) {
		if (a instanceof COSObject x && b instanceof COSObject y) {
			return x.getKey() != null && x.getKey().equals(y.getKey());
		}
		if (a == null || b == null || a instanceof COSObject || b instanceof COSObject) {
			return a == b;
		}
		return a.equals(b) || a.toString().equals(b.toString());
	}

	/** The page's annotations (object keys, or the dictionaries), without invisible signature fields (time-stamps). */
	private static List<String> visibleAnnotations(PDPage page) {
		List<String> out = new ArrayList<>();
		COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
		for (int i = 0; annots != null && i < annots.size(); i++) {
			COSBase item = annots.get(i);
			COSBase value = item instanceof COSObject o ? o.getObject() : item;
			if (value instanceof COSDictionary d && COSName.SIG.equals(d.getCOSName(COSName.FT)) && invisible(d)) {
				continue;
			}
			out.add(item instanceof COSObject o && o.getKey() != null ? o.getKey().toString() : String.valueOf(value));
		}
		return out;
	}

	private static boolean invisible(COSDictionary widget) {
		COSArray rect = widget.getCOSArray(COSName.RECT);
		if (rect == null || rect.size() != 4) {
			return true;
		}
		float[] r = rect.toFloatArray();
		return r[0] == r[2] || r[1] == r[3];
	}
}
