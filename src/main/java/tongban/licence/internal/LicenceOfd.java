package tongban.licence.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.ofdrw.font.Font;
import org.ofdrw.font.FontName;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.TextAlign;

/**
 * The licence as OFD (GB/T 33190), the national fixed-layout format for e-licences: the same fields as the PDF in
 * 宋体 (named, not embedded), to be sealed with the department's SM2 seal (GB/T 38540). Positions in millimetres.
 */
public final class LicenceOfd {

	/** Where the seal image goes on page 1 (mm from the top left), over the issuer's name. */
	public static final double SEAL_X = 130;
	public static final double SEAL_Y = 205;

	private LicenceOfd() {
	}

	public static byte[] render(LicencePdf.Content c) {
		Font song = FontName.SimSun.font();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OFDDoc doc = new OFDDoc(out)) {
			doc.add(new Paragraph(c.title(), 9d, song).setTextAlign(TextAlign.center).setWidth(170d).setMarginTop(10d));
			doc.add(new Paragraph("（电子证照）", 4d, song).setTextAlign(TextAlign.center).setWidth(170d));
			for (Map.Entry<String, String> e : c.fields().entrySet()) {
				doc.add(new Paragraph(e.getKey() + "：" + (e.getValue() == null ? "" : e.getValue()), 4.5d, song).setWidth(170d).setMarginTop(2d));
			}
			doc.add(new Paragraph(c.issuer(), 5d, song).setTextAlign(TextAlign.right).setWidth(170d).setMarginTop(14d));
			doc.add(new Paragraph(c.issuedOn().getYear() + "年" + c.issuedOn().getMonthValue() + "月" + c.issuedOn().getDayOfMonth() + "日", 5d,
					song).setTextAlign(TextAlign.right).setWidth(170d));
			doc.add(new Paragraph("证照标识 " + c.identifier(), 3d, song).setWidth(170d).setMarginTop(10d));
			doc.add(new Paragraph("核验 " + c.verifyUrl(), 3d, song).setWidth(170d));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("1\\.2\\.156\\.3005\\.2\\.[0-9A-Z.]+[0-9A-Z]");

	private static final java.util.regex.Pattern TEXT_CODE = java.util.regex.Pattern.compile("<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>");

	/** The licence identifier printed on an OFD's pages, or null when none is found or the file cannot be read. */
	public static String identifierOf(byte[] ofd) {
		try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ofd))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (e.getName().endsWith("Content.xml")) {
					// the printed lines in order, joined: a long identifier may be wrapped over two lines
					String xml = new String(in.readNBytes(10 * 1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
					StringBuilder text = new StringBuilder();
					var code = TEXT_CODE.matcher(xml);
					while (code.find()) {
						text.append(code.group(1));
					}
					var m = IDENTIFIER.matcher(text);
					if (m.find()) {
						return m.group();
					}
				}
			}
			return null;
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
