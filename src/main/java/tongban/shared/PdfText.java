package tongban.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Text on PDF pages in the shipped CJK font: lines, widths and wrapping of Chinese with Latin runs kept whole. */
public final class PdfText {

	/** The OFL font shipped with the platform (LXGW WenKai), embedded as a subset in every PDF. */
	public static final String FONT = "/fonts/LXGWWenKai-Regular.ttf";

	private PdfText() {
	}

	private static final ConcurrentLinkedQueue<TrueTypeFont> FONTS =
			new ConcurrentLinkedQueue<>();

	private static volatile byte[] fontBytes;

	/**
	 * A parsed copy of the shipped font (15 MB; parsing it per document cost most of a document's time), to be given back
	 * with {@link #release} once the document that embeds it is saved. Copies are pooled, never shared by two documents
	 * at once (a parsed font is not thread-safe).
	 */
	private static TrueTypeFont borrowFont() throws IOException {
		var f = FONTS.poll();
		if (f != null) {
			return f;
		}
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (var in = PdfText.class.getResourceAsStream(FONT)) {
				bytes = in.readAllBytes();
			}
			fontBytes = bytes;
		}
		return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
	}

	private static void release(TrueTypeFont font) {
		if (FONTS.size() < 8) {
			FONTS.offer(font);
		}
	}

	/** Draws a document given the shipped font loaded into it (a subset is embedded when it is saved). */
	@FunctionalInterface
	public interface Drawing {

		void draw(PDDocument doc, PDType0Font font) throws IOException;
	}

	/** A new PDF drawn by {@code drawing} in the shipped font (a pooled parsed copy), saved to bytes. */
	public static byte[] document(Drawing drawing) {
		TrueTypeFont ttf = null;
		try (var doc = new PDDocument()) {
			ttf = borrowFont();
			drawing.draw(doc, PDType0Font.load(doc, ttf, true));
			var bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (ttf != null) {
				release(ttf);
			}
		}
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

	private static final float MARGIN = 72;
	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	/**
	 * A letter an authority issues on A4 (通知书, 告知书): the title and its number centred, the paragraphs wrapped (a new
	 * page when one is full), then the issuing authority and the date on the right, where its seal goes.
	 */
	public static byte[] letter(String title, String number, List<String> paragraphs, String authority, String date) {
		return document((doc, f) -> {
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(title + " " + number);
			info.setAuthor(authority);
			info.setCreator("通办 Tongban");
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDPageContentStream out = new PDPageContentStream(doc, page);
			try {
				float y = PDRectangle.A4.getHeight() - MARGIN;
				y = line(out, f, 22, title, MARGIN + (WIDTH - width(f, 22, title)) / 2, y) - 10;
				y = line(out, f, 11, number, MARGIN + (WIDTH - width(f, 11, number)) / 2, y) - 16;
				List<String> lines = new ArrayList<>();
				for (String p : paragraphs) {
					lines.addAll(wrap(f, 13, p, WIDTH));
					lines.add(null);
				}
				for (String l : lines) {
					if (y < MARGIN + 60) {
						out.close();
						page = new PDPage(PDRectangle.A4);
						doc.addPage(page);
						out = new PDPageContentStream(doc, page);
						y = PDRectangle.A4.getHeight() - MARGIN;
					}
					y = l == null ? y - 6 : line(out, f, 13, l, MARGIN, y);
				}
				y -= 30;
				y = line(out, f, 13, authority, MARGIN + WIDTH - width(f, 13, authority), y);
				line(out, f, 13, date, MARGIN + WIDTH - width(f, 13, date), y);
			}
			finally {
				out.close();
			}
		});
	}
}
