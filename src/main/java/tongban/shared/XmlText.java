package tongban.shared;

/** Text for XML written by hand (feeds, spreadsheets): markup characters escaped, characters XML 1.0 cannot carry dropped. */
public final class XmlText {

	private XmlText() {
	}

	/** The text escaped for an XML element or attribute value; null gives the empty string. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 8);
		text.codePoints().forEach(cp -> {
			switch (cp) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> {
					if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000) {
						out.appendCodePoint(cp);
					}
				}
			}
		});
		return out.toString();
	}
}
