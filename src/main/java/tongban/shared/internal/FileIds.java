package tongban.shared.internal;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ids of stored files and where a file of an id lives, the same for every store: the id is a random UUID (nothing a
 * person typed or named reaches a path or an object key), spread over 256 folders (or key prefixes) by its first two
 * hex digits: {@code ab/abcdef01-…}. A file copied from the local folder into the bucket keeps its id and its place.
 */
final class FileIds {

	private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

	private FileIds() {
	}

	static String next() {
		return UUID.randomUUID().toString();
	}

	/** Whether the text can be an id this platform made (anything else names no file). */
	static boolean valid(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** The file's place below the store's root: {@code <2 hex>/<id>}. */
	static String relative(String id) {
		return id.substring(0, 2) + "/" + id;
	}
}
