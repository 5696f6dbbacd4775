package tongban.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links written in a text (a guide or a policy, as stored, JSON or HTML): absolute http(s) addresses and links to a
 * path of the platform itself ({@code href="/…"}), each once, in the order they first appear. Chinese punctuation and
 * JSON escapes end an address.
 */
public final class Links {

	private static final Pattern ABSOLUTE = Pattern.compile("https?://[^\\s\"'<>\\\\）)，。；、]+");

	private static final Pattern RELATIVE = Pattern.compile("href=\\\\?\"(/[^\\s\"'<>\\\\]*)");

	private Links() {
	}

	public static List<String> in(String text) {
		Set<String> out = new LinkedHashSet<>();
		if (text == null) {
			return List.of();
		}
		Matcher absolute = ABSOLUTE.matcher(text);
		while (absolute.find()) {
			out.add(absolute.group());
		}
		Matcher relative = RELATIVE.matcher(text);
		while (relative.find()) {
			out.add(relative.group(1));
		}
		return List.copyOf(out);
	}
}
