package tongban.identity.web;

/** The second page of 忘记密码: the SMS code and the new password, as typed. */
public record ResetForm(String code, String password, String passwordConfirm) {

	public static ResetForm empty() {
		return new ResetForm("", "", "");
	}
}
