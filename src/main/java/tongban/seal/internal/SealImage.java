package tongban.seal.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a round official seal as a PNG with a transparent background: a red ring, a five-pointed star in the middle,
 * the department's name along the upper arc and the seal's name across the lower half (the layout of 国务院关于国家
 * 行政机关和企业事业单位社会团体印章管理的规定 for round seals), in the font shipped with the platform.
 */
public final class SealImage {

	static final Color RED = new Color(0xD7, 0x00, 0x0F);
	static final int SIZE = 420;
	private static final Font FONT = load();

	private SealImage() {
	}

	private static Font load() {
		try (InputStream in = SealImage.class.getResourceAsStream("/fonts/LXGWWenKai-Regular.ttf")) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException(e);
		}
	}

	public static byte[] draw(String organisation, String sealName) {
		BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(RED);
			double c = SIZE / 2.0;
			double r = SIZE / 2.0 - 12;
			g.setStroke(new BasicStroke(14f));
			g.draw(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
			g.fill(star(c, c, 62, 24));
			arc(g, organisation, c, r - 52);
			Font f = FONT.deriveFont(Font.PLAIN, 34f);
			g.setFont(f);
			int w = g.getFontMetrics().stringWidth(sealName);
			g.drawString(sealName, (float) (c - w / 2.0), (float) (c + 118));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(img, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			g.dispose();
		}
	}

	/** The name along the upper arc, left to right, each character upright towards the centre. */
	private static void arc(Graphics2D g, String text, double c, double radius) {
		int n = text.length();
		float size = n <= 10 ? 44f : Math.max(26f, 44f - (n - 10) * 2.2f);
		g.setFont(FONT.deriveFont(Font.PLAIN, size));
		double span = Math.toRadians(Math.min(250, 30 + n * 17));
		double start = -Math.PI / 2 - span / 2;
		for (int i = 0; i < n; i++) {
			double a = n == 1 ? -Math.PI / 2 : start + span * i / (n - 1);
			AffineTransform saved = g.getTransform();
			g.translate(c + radius * Math.cos(a), c + radius * Math.sin(a));
			g.rotate(a + Math.PI / 2);
			String ch = text.substring(i, i + 1);
			int w = g.getFontMetrics().stringWidth(ch);
			g.drawString(ch, -w / 2f, size / 2.6f);
			g.setTransform(saved);
		}
	}

	private static Path2D star(double cx, double cy, double outer, double inner) {
		Path2D p = new Path2D.Double();
		for (int i = 0; i < 10; i++) {
			double rr = i % 2 == 0 ? outer : inner;
			double a = -Math.PI / 2 + i * Math.PI / 5;
			double x = cx + rr * Math.cos(a);
			double y = cy + rr * Math.sin(a);
			if (i == 0) {
				p.moveTo(x, y);
			}
			else {
				p.lineTo(x, y);
			}
		}
		p.closePath();
		return p;
	}
}
