package tongban.identity.web;

/** A business to bind to the signed-in legal representative. */
public record LegalPersonForm(String name, String uscc) {

	public static LegalPersonForm empty() {
		return new LegalPersonForm("", "");
	}
}
