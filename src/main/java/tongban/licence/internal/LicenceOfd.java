package tongban.licence.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

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

	public static byte[] render(LicencePdf.Content content) {
		Font song = FontName.SimSun.font();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OFDDoc doc = new OFDDoc(out)) {
			doc.add(new Paragraph(content.title(), 9d, song).setTextAlign(TextAlign.center).setWidth(170d).setMarginTop(10d));
			doc.add(new Paragraph("（电子证照）", 4d, song).setTextAlign(TextAlign.center).setWidth(170d));
			for (Map.Entry<String, String> e : content.fields().entrySet()) {
				doc.add(new Paragraph(e.getKey() + "：" + (e.getValue() == null ? "" : e.getValue()), 4.5d, song).setWidth(170d).setMarginTop(2d));
			}
			doc.add(new Paragraph(content.issuer(), 5d, song).setTextAlign(TextAlign.right).setWidth(170d).setMarginTop(14d));
			LocalDate issuedOn = content.issuedOn();
			doc.add(new Paragraph(issuedOn.getYear() + "年" + issuedOn.getMonthValue() + "月" + issuedOn.getDayOfMonth() + "日", 5d, song)
				.setTextAlign(TextAlign.right)
				.setWidth(170d));
			doc.add(new Paragraph("证照标识 " + content.identifier(), 3d, song).setWidth(170d).setMarginTop(10d));
			doc.add(new Paragraph("核验 " + content.verifyUrl(), 3d, song).setWidth(170d));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static final Pattern IDENTIFIER = Pattern.compile("1\\.2\\.156\\.3005\\.2\\.[0-9A-Z.]+[0-9A-Z]");

	private static final Pattern TEXT_CODE = Pattern.compile("<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>");

	/** The licence identifier printed on an OFD's pages, or null when none is found or the file cannot be read. */
	public static String identifierOf(byte[] ofd) {
		try (var in = new ZipInputStream(new ByteArrayInputStream(ofd))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (e.getName().endsWith("Content.xml")) {
					// the printed lines in order, joined: a long identifier may be wrapped over two lines
					String xml = new String(in.readNBytes(10 * 1024 * 1024), StandardCharsets.UTF_8);
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
