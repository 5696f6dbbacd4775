package tongban.shared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text on PDF pages in the shipped CJK font: lines, widths and wrapping of Chinese with Latin runs kept whole. */
public final class PdfText {

	/** The OFL font shipped with the platform (LXGW WenKai), embedded as a subset in every PDF. */
	public static final String FONT = "/fonts/LXGWWenKai-Regular.ttf";

	private PdfText() {
	}

	/** Writes one line at (x, y) and answers the y of the next line. */
	public static float line(PDPageContentStream out, PDFont f, float size, String text, float x, float y) throws IOException {
		out.beginText();
		out.setFont(f, size);
		out.newLineAtOffset(x, y);
		out.showText(text);
		out.endText();
		return y - size * 1.7f;
	}

	public static float width(PDFont f, float size, String text) throws IOException {
		return f.getStringWidth(text) / 1000 * size;
	}

	/** Chinese wraps between any two characters; a run of Latin letters or digits is kept together when it fits. */
	public static List<String> wrap(PDFont f, float size, String text, float maxWidth) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int end = i + 1;
			if (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 0x2E80) {
				while (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) < 0x2E80) {
					end++;
				}
			}
			String piece = text.substring(i, end);
			if (current.length() > 0 && width(f, size, current + piece) > maxWidth) {
				lines.add(current.toString());
				current.setLength(0);
			}
			current.append(piece);
			i = end;
		}
		if (current.length() > 0) {
			lines.add(current.toString());
		}
		return lines;
	}
}
