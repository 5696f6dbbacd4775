package tongban.hall.tutorials.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws the demo tutorials' pictures at load time (Java2D, the shipped LXGW WenKai font): a simplified screen of the
 * portal with the item's name, the control the step is about highlighted, the step's number and its text. Honest
 * drawings of what the step asks, not screenshots.
 */
final class StepPictures {

	static final int WIDTH = 960;
	static final int HEIGHT = 570;
	private static final Color BLUE = new Color(0x1D, 0x70, 0xB8);
	private static final Color INK = new Color(0x0B, 0x0C, 0x0C);
	private static final Color YELLOW = new Color(0xFF, 0xDD, 0x00);
	private static final Font FONT = load();

	private StepPictures() {
	}

	private static Font load() {
		try (InputStream in = StepPictures.class.getResourceAsStream("/fonts/LXGWWenKai-Regular.ttf")) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A PNG of step {@code number}: the screen titled {@code screen}, its control {@code control} highlighted, and {@code text}. */
	static byte[] draw(int number, String screen, String control, String text) {
		BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(new Color(0xF3, 0xF2, 0xF1));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			// the screen: a header bar with the site, the page's title, a few grey lines of content
			g.setColor(Color.WHITE);
			g.fill(new RoundRectangle2D.Double(40, 30, WIDTH - 80, 360, 24, 24));
			g.setColor(INK);
			g.fill(new RoundRectangle2D.Double(40, 30, WIDTH - 80, 64, 24, 24));
			g.fillRect(40, 70, WIDTH - 80, 24);
			g.setColor(Color.WHITE);
			g.setFont(FONT.deriveFont(Font.BOLD, 30f));
			g.drawString("通办 政务服务", 70, 74);
			g.setColor(INK);
			g.setFont(FONT.deriveFont(Font.BOLD, 34f));
			g.drawString(fit(g, screen, WIDTH - 160), 70, 150);
			g.setColor(new Color(0xB1, 0xB4, 0xB6));
			for (int i = 0; i < 3; i++) {
				g.fillRect(70, 180 + i * 26, WIDTH - 260 - i * 120, 12);
			}
			// the control the step is about, highlighted as the focus style of the site
			g.setFont(FONT.deriveFont(Font.BOLD, 34f));
			int w = Math.min(g.getFontMetrics().stringWidth(control) + 64, WIDTH - 160);
			g.setColor(YELLOW);
			g.setStroke(new BasicStroke(8f));
			g.draw(new RoundRectangle2D.Double(66, 266, w + 8, 88, 12, 12));
			g.setColor(BLUE);
			g.fill(new RoundRectangle2D.Double(70, 270, w, 80, 8, 8));
			g.setColor(Color.WHITE);
			g.drawString(fit(g, control, w - 40), 102, 322);
			// the step's number and its words under the screen
			g.setColor(BLUE);
			g.fill(new Ellipse2D.Double(40, 420, 96, 96));
			g.setColor(Color.WHITE);
			g.setFont(FONT.deriveFont(Font.BOLD, 56f));
			String n = Integer.toString(number);
			g.drawString(n, 88 - g.getFontMetrics().stringWidth(n) / 2, 488);
			g.setColor(INK);
			g.setFont(FONT.deriveFont(Font.PLAIN, 32f));
			int y = 450;
			for (String line : wrap(g.getFontMetrics(), text, WIDTH - 200)) {
				g.drawString(line, 160, y);
				y += 44;
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static String fit(Graphics2D g, String s, int width) {
		List<String> lines = wrap(g.getFontMetrics(), s, width);
		return lines.size() == 1 ? s : lines.getFirst().substring(0, Math.max(1, lines.getFirst().length() - 1)) + "…";
	}

	/** Lines of at most {@code width} pixels, broken between characters (Chinese has no spaces). */
	static List<String> wrap(FontMetrics metrics, String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			String ch = new String(Character.toChars(text.codePointAt(i)));
			if (metrics.stringWidth(line + ch) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(ch);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}
}
