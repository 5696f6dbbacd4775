package tongban.openness.web;

import org.springframework.web.util.UriComponentsBuilder;

import tongban.openness.domain.Validity;

/**
 * Query parameters of the public lists as typed into an address: on pages a value that means nothing is ignored (the
 * list is shown unfiltered); the API refuses it ({@link PublicationApiController}).
 */
final class PublicationParams {

	private PublicationParams() {
	}

	static Validity validity(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Validity.valueOf(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static Integer year(String text) {
		return text != null && text.matches("(19|20)\\d{2}") ? Integer.valueOf(text) : null;
	}

	static int page(String text) {
		return text != null && text.matches("\\d{1,5}") ? Integer.parseInt(text) : 0;
	}

	/** A list's address with its filters (name, value, …; empty values left out), for links that keep them. */
	static String query(String path, String... pairs) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
				b.queryParam(pairs[i], pairs[i + 1]);
			}
		}
		return b.encode().build().toUriString();
	}
}
