package tongban.identity.web;

/** The registration page's fields, as typed; {@code consent} is {@link #CONSENTED} when the box was ticked. */
public record RegistrationForm(String name, String idNumber, String mobile, String password, String passwordConfirm,
		String consent) {

	public static final String CONSENTED = "yes";

	public static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "", "", "");
	}
}
