package tongban.openness.web;

/** The letter form of a 领导信箱; every field text. {@code publishConsent} is "true" when ticked. */
public record LetterForm(String type, String description, String contactName, String phone, String phoneCode, String publishConsent) {

	static LetterForm empty() {
		return new LetterForm("SUGGESTION", "", "", "", "", "");
	}
}
