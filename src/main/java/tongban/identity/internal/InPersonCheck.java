package tongban.identity.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;

import tongban.identity.IdentityManagement;

/** A counter clerk saw the person and their ID card: the account rises to L3 (see {@link IdentityManagement#checkInPerson}). */
@Service
public class InPersonCheck {

	public enum Result { RAISED, INVALID, NOT_FOUND }

	private final IdentityManagement identity;

	InPersonCheck(IdentityManagement identity) {
		this.identity = identity;
	}

	public Result raiseToL3(UUID clerkId, String idNumber, String name) {
		return Result.valueOf(identity.checkInPerson(clerkId, idNumber, name).name());
	}
}
