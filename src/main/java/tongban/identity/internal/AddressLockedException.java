package tongban.identity.internal;

import java.time.Instant;

/** Too many failed sign-ins from one network address across accounts: every sign-in from it waits until {@link #until()}. */
public class AddressLockedException extends AccountLockedException {

	public AddressLockedException(Instant until) {
		super(until);
	}
}
