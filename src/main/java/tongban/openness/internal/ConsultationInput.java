package tongban.openness.internal;

import java.util.List;

/**
 * What an editor types for a consultation: every field text, so that whatever is sent binds and comes back beside its
 * field. {@code themes} and {@code questions} are parallel rows (a question under its theme); {@code file} only names
 * the attachment field for its messages (the file comes as a multipart part).
 */
public record ConsultationInput(String title, String docKind, String draft, String background, String startsOn,
		String endsOn, List<String> themes, List<String> questions, String file) {

	/** Rows of questions an editor may fill at most. */
	public static final int MAX_QUESTIONS = 8;

	public ConsultationInput {
		themes = themes == null ? List.of() : themes;
		questions = questions == null ? List.of() : questions;
	}

	public static ConsultationInput empty() {
		return new ConsultationInput("", "NORMATIVE", "", "", "", "", List.of(), List.of(), null);
	}

	/** The theme of row {@code i}, or empty. */
	public String theme(int i) {
		return i < themes.size() && themes.get(i) != null ? themes.get(i) : "";
	}

	/** The question of row {@code i}, or empty. */
	public String question(int i) {
		return i < questions.size() && questions.get(i) != null ? questions.get(i) : "";
	}
}
