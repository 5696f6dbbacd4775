package tongban.proactive.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tongban.shared.IdNumber;

/**
 * The check that no personal data leaves the portal, run over every cell and label of a dataset before it is published
 * (a finding refuses the publication) and by the tests over every published file and API answer: 18-digit ID numbers
 * whose check character is right (GB 11643-1999, {@link IdNumber}), mainland mobile numbers ({@code 1[3-9]\d{9}} not
 * inside a longer number) and the names of people the platform knows (the population register's and the demo people's).
 * A name of three or more characters is found anywhere in a text; a two-character name only as a whole cell, since two
 * characters occur inside ordinary words and company names (李娜 in 李娜 but not 娜 in 安娜咖啡).
 */
public final class PrivacyScan {

	/** What was found, and where (a row number or a file's name). */
	public record Finding(String kind, String where, String masked) {
	}

	private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	private final Set<String> shortNames;
	private final List<String> longNames;

	/** A scan for these people's names (blank ones and single characters are ignored). */
	public PrivacyScan(Set<String> names) {
		this.shortNames = names.stream().filter(n -> n != null && n.strip().length() == 2).map(String::strip).collect(Collectors.toSet());
		this.longNames = names.stream().filter(n -> n != null && n.strip().length() > 2).map(String::strip).distinct().toList();
	}

	/** The personal data in one cell or text. */
	public List<Finding> scan(String text, String where) {
		List<Finding> found = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return found;
		}
		Matcher id = ID.matcher(text);
		while (id.find()) {
			String candidate = id.group().toUpperCase(Locale.ROOT);
			if (IdNumber.checkCharacter(candidate.substring(0, 17)) == candidate.charAt(17)) {
				found.add(new Finding("ID_NUMBER", where, candidate.substring(0, 6) + "********" + candidate.substring(14)));
			}
		}
		Matcher mobile = MOBILE.matcher(text);
		while (mobile.find()) {
			found.add(new Finding("MOBILE", where, mobile.group().substring(0, 3) + "****" + mobile.group().substring(7)));
		}
		String stripped = text.strip();
		if (shortNames.contains(stripped)) {
			found.add(new Finding("NAME", where, stripped.charAt(0) + "*"));
		}
		for (String name : longNames) {
			if (text.contains(name)) {
				found.add(new Finding("NAME", where, name.charAt(0) + "*".repeat(name.length() - 1)));
			}
		}
		return found;
	}

	/** The personal data in a whole text (a file or an API answer), split into the cells of a CSV, JSON or sheet. */
	public List<Finding> scanDocument(String document, String where) {
		List<Finding> found = new ArrayList<>(scan(document, where));
		for (String cell : document.split("[,\"\\r\\n\\[\\]{}:<>]+")) {
			String stripped = cell.strip();
			if (shortNames.contains(stripped)) {
				found.add(new Finding("NAME", where, stripped.charAt(0) + "*"));
			}
		}
		return found;
	}
}
