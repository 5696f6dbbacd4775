package tongban.identity.web;

/** The registration page's fields, as typed. */
public record RegistrationForm(String name, String idNumber, String mobile, String password, String passwordConfirm) {

	public static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "", "");
	}
}
