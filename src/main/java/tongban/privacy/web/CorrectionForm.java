package tongban.privacy.web;

/** A request to correct register data as typed: the register field ({@code resource/field}), the right value, why. */
record CorrectionForm(String target, String corrected, String reason) {

	static CorrectionForm empty() {
		return new CorrectionForm("", "", "");
	}
}
