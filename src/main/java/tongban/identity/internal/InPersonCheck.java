package tongban.identity.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.IdNumber;

/** A counter clerk saw the person and their ID card: the account rises to L3, recorded with the clerk's name. */
@Service
public class InPersonCheck {

	public enum Result { RAISED, INVALID, NOT_FOUND }

	private final AccountRepository accounts;
	private final IdentityManagement identity;

	InPersonCheck(AccountRepository accounts, IdentityManagement identity) {
		this.accounts = accounts;
		this.identity = identity;
	}

	@Transactional
	public Result raiseToL3(UUID clerkId, String idNumber, String name) {
		if (IdNumber.check(idNumber).isPresent()) {
			return Result.INVALID;
		}
		Account citizen = accounts.findByIdNumber(IdNumber.normalise(idNumber))
			.filter(a -> a.displayName().equals(name == null ? "" : name.strip()))
			.orElse(null);
		if (citizen == null) {
			return Result.NOT_FOUND;
		}
		citizen.raiseAssurance(3);
		Account clerk = accounts.findById(clerkId).orElseThrow();
		identity.record(new Actor(clerk.id(), clerk.displayName(), new Party(Party.Kind.CITIZEN, citizen.id(), citizen.displayName())),
				"IDENTITY_CHECKED_IN_PERSON", "L3");
		return Result.RAISED;
	}
}
