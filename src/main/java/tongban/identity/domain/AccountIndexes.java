package tongban.identity.domain;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;

/** Keeps an account's blind indexes (ID number, mobile) in step with its encrypted values before each write. */
@Component
public class AccountIndexes {

	private final DataKeys keys;

	public AccountIndexes(DataKeys keys) {
		this.keys = keys;
	}

	@PrePersist
	@PreUpdate
	void index(Account a) {
		a.index(keys);
	}
}
