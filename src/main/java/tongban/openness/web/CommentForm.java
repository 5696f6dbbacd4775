package tongban.openness.web;

/** The comment form: the question chosen, the text, and for the anonymous the phone and its SMS code. All text. */
public record CommentForm(String questionId, String body, String phone, String phoneCode) {

	static CommentForm empty() {
		return new CommentForm("", "", "", "");
	}
}
