package tongban.hotline.web;

import java.util.List;
import java.util.Map;

/**
 * The XML form of Open311 resources: a map becomes an element per key, a list an element whose children are named by
 * the singular of its name (attributes → attribute, values → value, endpoints → endpoint, formats → format), null an
 * empty element. UTF-8 with the XML declaration, as GeoReport v2 requires.
 */
final class Xml {

	private Xml() {
	}

	static String document(String root, Map<String, Object> body) {
		StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		write(b, root, body);
		return b.toString();
	}

	static String document(String root, String item, List<?> items) {
		StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
		for (Object o : items) {
			write(b, item, o);
		}
		return b.append("</").append(root).append(">\n").toString();
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "_item";
	}

	private static void write(StringBuilder b, String name, Object value) {
		if (value == null) {
			b.append('<').append(name).append("/>");
			return;
		}
		b.append('<').append(name).append('>');
		if (value instanceof Map<?, ?> m) {
			m.forEach((k, v) -> write(b, k.toString(), v));
		}
		else if (value instanceof List<?> l) {
			for (Object o : l) {
				write(b, singular(name), o);
			}
		}
		else {
			escape(b, value.toString());
		}
		b.append("</").append(name).append('>');
	}

	private static void escape(StringBuilder b, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				case '\'' -> b.append("&apos;");
				default -> {
					// characters XML 1.0 cannot carry are dropped
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						b.append(c);
					}
				}
			}
		}
	}
}
