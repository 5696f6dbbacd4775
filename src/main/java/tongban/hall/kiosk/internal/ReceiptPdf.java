package tongban.hall.kiosk.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import com.google.zxing.common.BitMatrix;

import tongban.shared.PdfText;
import tongban.shared.QrCode;

/**
 * The receipt of a queue number on 80 mm thermal paper (the width of a kiosk's receipt printer): the point, the
 * number in large type, the service, the time, how many wait ahead, and the QR code of the number's own page drawn as
 * vector squares (sharp on any printer), in the shipped CJK font.
 */
public final class ReceiptPdf {

	/** 80 mm wide, 150 mm long, in points. */
	private static final float WIDTH = 80 / 25.4f * 72;
	private static final float HEIGHT = 150 / 25.4f * 72;
	private static final float MARGIN = 12;

	/** What the receipt says. */
	public record Receipt(String pointName, String label, String service, String takenAt, long waitingAhead, String pageUrl) {
	}

	private ReceiptPdf() {
	}

	public static byte[] render(Receipt receipt) {
		return PdfText.document((doc, font) -> {
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle("取号凭条 " + receipt.label());
			info.setCreator("通办 Tongban");
			PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
			doc.addPage(page);
			try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
				float y = HEIGHT - MARGIN - 12;
				for (String line : PdfText.wrap(font, 11, receipt.pointName(), WIDTH - 2 * MARGIN)) {
					y = PdfText.line(out, font, 11, line, MARGIN, y);
				}
				y = PdfText.line(out, font, 10, "取号凭条", MARGIN, y);
				y -= 18;
				float numberWidth = PdfText.width(font, 40, receipt.label());
				y = PdfText.line(out, font, 40, receipt.label(), (WIDTH - numberWidth) / 2, y) + 20;
				y = PdfText.line(out, font, 10, "业务：" + receipt.service(), MARGIN, y);
				y = PdfText.line(out, font, 10, "取号时间：" + receipt.takenAt(), MARGIN, y);
				y = PdfText.line(out, font, 10, "前面还有 " + receipt.waitingAhead() + " 人等候", MARGIN, y);
				y -= 4;
				float size = 100;
				qr(out, receipt.pageUrl(), (WIDTH - size) / 2, y - size, size);
				y -= size + 14;
				y = PdfText.line(out, font, 9, "扫码查看叫号进度，过号请到窗口咨询", MARGIN, y);
				PdfText.line(out, font, 9, "请留意大厅屏幕和广播叫号", MARGIN, y);
			}
		});
	}

	/** The QR code's dark modules as filled squares, {@code size} points wide with its lower left corner at (x, y). */
	private static void qr(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
		BitMatrix matrix = QrCode.matrix(text);
		float module = size / matrix.getWidth();
		for (int row = 0; row < matrix.getHeight(); row++) {
			for (int column = 0; column < matrix.getWidth(); column++) {
				if (matrix.get(column, row)) {
					out.addRect(x + column * module, y + size - (row + 1) * module, module, module);
				}
			}
		}
		out.fill();
	}
}
