package tongban.identity.web;

/** The registration page's fields, as typed. */
public record RegistrationForm(String name, String idNumber, String mobile, String password, String passwordConfirm) {

	public static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "", "");
	}

	/** What is shown again after an error: never the passwords. */
	public RegistrationForm withoutPasswords() {
		return new RegistrationForm(name, idNumber, mobile, "", "");
	}
}
