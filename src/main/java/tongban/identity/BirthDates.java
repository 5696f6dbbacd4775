package tongban.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.shared.IdNumber;

/**
 * A citizen's birth date, read from the ID number their account holds (GB 11643-1999) without the number leaving this
 * module: what another module needs for an age rule (the hall's green channel for people of 65 and over) and no more.
 */
@Service
@Transactional(readOnly = true)
public class BirthDates {

	private final AccountRepository accounts;

	BirthDates(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/** The birth date of the citizen with this account, when the account holds a valid ID number. */
	public Optional<LocalDate> of(UUID accountId) {
		return accounts.findById(accountId)
			.map(Account::idNumber)
			.filter(number -> number != null && IdNumber.check(number).isEmpty())
			.map(number -> new IdNumber(number).birthDate());
	}
}
