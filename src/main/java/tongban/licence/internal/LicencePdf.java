package tongban.licence.internal;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import tongban.shared.Hashes;
import tongban.shared.PdfText;

/**
 * The licence as a PDF shaped for PDF/A-3b: the shipped CJK font embedded, sRGB output intent, XMP metadata with the
 * PDF/A identification, the catalogue data attached as {@code licence.xml} (relationship Data), a QR code to the public
 * verification page and the issuing department's seal image beside its name. The identifier is also kept in the
 * document information ({@code TongbanLicence}) so that an uploaded file can be looked up.
 */
public final class LicencePdf {

	public static final String INFO_KEY = "TongbanLicence";
	private static final float MARGIN = 64;
	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
	private static final Color RED = new Color(0xB0, 0x1E, 0x23);

	public record Content(String title, String identifier, String number, Map<String, String> fields, String issuer, LocalDate issuedOn,
			String verifyUrl, byte[] sealPng, String xml) {
	}

	private LicencePdf() {
	}

	public static byte[] render(Content content) {
		return PdfText.document((doc, f) -> {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			float h = PDRectangle.A4.getHeight();
			try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
				out.setStrokingColor(RED);
				out.setLineWidth(3f);
				out.addRect(MARGIN - 24, 40, WIDTH + 48, h - 80);
				out.stroke();
				out.setLineWidth(0.8f);
				out.addRect(MARGIN - 18, 46, WIDTH + 36, h - 92);
				out.stroke();
				out.setNonStrokingColor(Color.BLACK);
				float y = h - 120;
				y = PdfText.line(out, f, 30, content.title(), MARGIN + (WIDTH - PdfText.width(f, 30, content.title())) / 2, y) - 4;
				String sub = "（电子证照）";
				y = PdfText.line(out, f, 12, sub, MARGIN + (WIDTH - PdfText.width(f, 12, sub)) / 2, y) - 18;
				for (Map.Entry<String, String> e : content.fields().entrySet()) {
					String label = e.getKey() + "：";
					float lw = 150;
					List<String> lines = PdfText.wrap(f, 13, e.getValue() == null ? "" : e.getValue(), WIDTH - lw);
					PdfText.line(out, f, 13, label, MARGIN, y);
					for (String l : lines.isEmpty() ? List.of("") : lines) {
						y = PdfText.line(out, f, 13, l, MARGIN + lw, y);
					}
					y -= 4;
				}
				// issuer and date at the lower right, the seal over them
				float baseY = 190;
				String date = content.issuedOn().getYear() + "年" + content.issuedOn().getMonthValue() + "月" + content.issuedOn().getDayOfMonth() + "日";
				PdfText.line(out, f, 14, content.issuer(), MARGIN + WIDTH - PdfText.width(f, 14, content.issuer()), baseY);
				PdfText.line(out, f, 14, date, MARGIN + WIDTH - PdfText.width(f, 14, date), baseY - 24);
				PDImageXObject seal = SealPicture.of(content.sealPng()).in(doc);
				float size = 120;
				out.drawImage(seal, MARGIN + WIDTH - size - 10, baseY - 70, size, size);
				// QR code to the public verification at the lower left
				qr(out, content.verifyUrl(), MARGIN, 80, 96);
				PdfText.line(out, f, 9, "扫码核验", MARGIN + 24, 68);
				String idLine = "证照标识 " + content.identifier();
				PdfText.line(out, f, 8, idLine, MARGIN + 110, 84);
				PdfText.line(out, f, 8, "核验地址 " + content.verifyUrl().replaceFirst("/verify/.*", "/verify"), MARGIN + 110, 72);
			}
			metadata(doc, content);
			attach(doc, content.xml());
		});
	}

	/**
	 * A seal image compressed once for PDF (colour and alpha as Flate streams) and put into each document as is: compressing
	 * it again for every licence (PDFBox's LosslessFactory) took most of a licence's rendering time. A few recent seals are
	 * kept, by the SHA-256 of their PNG.
	 */
	record SealPicture(int width, int height, byte[] rgb, byte[] alpha) {

		private static final int KEPT = 64;
		private static final Map<String, SealPicture> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, SealPicture> eldest) {
				return size() > KEPT;
			}
		});

		static SealPicture of(byte[] png) {
			String key = Hashes.sha256Hex(png);
			SealPicture p = RECENT.get(key);
			if (p == null) {
				p = compress(png);
				RECENT.put(key, p);
			}
			return p;
		}

		private static SealPicture compress(byte[] png) {
			try {
				BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
				int w = img.getWidth();
				int h = img.getHeight();
				byte[] rgb = new byte[w * h * 3];
				byte[] alpha = new byte[w * h];
				for (int y = 0, i = 0; y < h; y++) {
					for (int x = 0; x < w; x++, i++) {
						int argb = img.getRGB(x, y);
						rgb[3 * i] = (byte) (argb >> 16);
						rgb[3 * i + 1] = (byte) (argb >> 8);
						rgb[3 * i + 2] = (byte) argb;
						alpha[i] = (byte) (argb >>> 24);
					}
				}
				return new SealPicture(w, h, deflate(rgb), deflate(alpha));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private static byte[] deflate(byte[] raw) {
			Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
			try {
				d.setInput(raw);
				d.finish();
				ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4);
				byte[] buf = new byte[8192];
				while (!d.finished()) {
					out.write(buf, 0, d.deflate(buf));
				}
				return out.toByteArray();
			}
			finally {
				d.end();
			}
		}

		PDImageXObject in(PDDocument doc) throws IOException {
			PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(rgb), COSName.FLATE_DECODE, width, height, 8, PDDeviceRGB.INSTANCE);
			PDImageXObject mask = new PDImageXObject(doc, new ByteArrayInputStream(alpha), COSName.FLATE_DECODE, width, height, 8,
					PDDeviceGray.INSTANCE);
			image.getCOSObject().setItem(COSName.SMASK, mask);
			return image;
		}
	}

	private static void qr(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
			float cell = size / m.getWidth();
			out.setNonStrokingColor(Color.BLACK);
			for (int r = 0; r < m.getHeight(); r++) {
				for (int col = 0; col < m.getWidth(); col++) {
					if (m.get(col, r)) {
						out.addRect(x + col * cell, y + size - (r + 1) * cell, cell, cell);
					}
				}
			}
			out.fill();
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void metadata(PDDocument doc, Content c) throws IOException {
		PDDocumentInformation info = doc.getDocumentInformation();
		info.setTitle(c.title() + " " + c.number());
		info.setAuthor(c.issuer());
		info.setCreator("通办 Tongban");
		info.setProducer("通办 Tongban (PDFBox)");
		Calendar now = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
		info.setCreationDate(now);
		info.setModificationDate(now);
		info.setCustomMetadataValue(INFO_KEY, c.identifier());
		String created = String.format("%tFT%<tT+08:00", now);
		String xmp = """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"
				  xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
				<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
				<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
				<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
				<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate><xmp:CreatorTool>通办 Tongban</xmp:CreatorTool>
				<pdf:Producer>通办 Tongban (PDFBox)</pdf:Producer>
				</rdf:Description></rdf:RDF></x:xmpmeta>
				<?xpacket end="w"?>""".formatted(c.title() + " " + c.number(), c.issuer(), created, created);
		PDMetadata metadata = new PDMetadata(doc);
		metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
		PDDocumentCatalog catalog = doc.getDocumentCatalog();
		catalog.setMetadata(metadata);
		PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		catalog.addOutputIntent(intent);
	}

	private static void attach(PDDocument doc, String xml) throws IOException {
		byte[] data = xml.getBytes(StandardCharsets.UTF_8);
		PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(data));
		ef.setSubtype("application/xml");
		ef.setSize(data.length);
		ef.setModDate(new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai")));
		PDComplexFileSpecification spec = new PDComplexFileSpecification();
		spec.setFile("licence.xml");
		spec.setFileUnicode("licence.xml");
		spec.setFileDescription("证照目录信息（GB/T 36904）");
		spec.setEmbeddedFile(ef);
		spec.setEmbeddedFileUnicode(ef);
		spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
		PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
		tree.setNames(Map.of("licence.xml", spec));
		PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
		names.setEmbeddedFiles(tree);
		doc.getDocumentCatalog().setNames(names);
		COSArray af = new COSArray();
		af.add(spec);
		doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
	}

	/** The licence identifier a PDF carries, or null when it names none or cannot be read. */
	public static String identifierOf(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return doc.getDocumentInformation().getCustomMetadataValue(INFO_KEY);
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
