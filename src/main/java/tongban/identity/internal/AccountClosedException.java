package tongban.identity.internal;

import org.springframework.security.authentication.DisabledException;

/** The login names an account its holder closed (个人信息保护法 Art. 47): the login page says so instead of "wrong password". */
public class AccountClosedException extends DisabledException {

	private static final long serialVersionUID = 1L;

	public AccountClosedException() {
		super("closed");
	}
}
