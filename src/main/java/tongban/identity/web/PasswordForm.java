package tongban.identity.web;

/** Change of one's own password. */
public record PasswordForm(String current, String password, String passwordConfirm) {

	public static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}
}
