package tongban.openness.internal;

/** The demo's 图解 pictures: a plain SVG panel with the caption in large type (the alt text says what it shows). */
final class FigurePanels {

	private FigurePanels() {
	}

	static String svg(String caption) {
		String text = caption == null ? "" : caption;
		StringBuilder lines = new StringBuilder();
		int y = 120;
		for (int i = 0; i < text.length() && y < 380; i += 18, y += 48) {
			lines.append("<text x=\"40\" y=\"").append(y).append("\" font-size=\"32\" fill=\"#0b0c0c\">")
				.append(escape(text.substring(i, Math.min(text.length(), i + 18)))).append("</text>");
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 405\" width=\"720\" height=\"405\">"
				+ "<rect width=\"720\" height=\"405\" fill=\"#f3f2f1\"/><rect width=\"720\" height=\"16\" fill=\"#1d70b8\"/>" + lines + "</svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
