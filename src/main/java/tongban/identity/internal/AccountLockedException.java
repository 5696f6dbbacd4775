package tongban.identity.internal;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** The account is locked until {@link #until()}; the login page says when to retry. */
public class AccountLockedException extends LockedException {

	private final Instant until;

	public AccountLockedException(Instant until) {
		super("locked");
		this.until = until;
	}

	public Instant until() {
		return until;
	}
}
