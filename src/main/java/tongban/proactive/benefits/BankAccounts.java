package tongban.proactive.benefits;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.shared.DataKeys;

/**
 * The bank account a payee gave for benefits, kept (encrypted, found by the payee's blind index) so the next
 * confirmation needs one click; shown only masked.
 */
@Component
public class BankAccounts {

	private final JdbcClient jdbc;
	private final DataKeys keys;

	BankAccounts(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** The account number as typed, without spaces or dashes, if it is 10 to 30 digits (cards and company accounts). */
	public static Optional<String> normalise(String typed) {
		if (typed == null || typed.length() > 60) {
			return Optional.empty();
		}
		String digits = typed.replaceAll("[\\s-]", "");
		return digits.matches("\\d{10,30}") ? Optional.of(digits) : Optional.empty();
	}

	/** **** **** **** 1234: only the last four digits. */
	public static String masked(String account) {
		return account == null || account.length() < 4 ? "" : "**** **** **** " + account.substring(account.length() - 4);
	}

	/** The payee's stored account in clear (for a payment order only). */
	public Optional<String> of(String payeeIndex) {
		return jdbc.sql("select bank_account from proactive_payment_account where payee_index = ?")
			.param(payeeIndex)
			.query(String.class)
			.optional()
			.map(keys::decrypt);
	}

	/** Keeps the account for next time, replacing the one before. */
	public void keep(String payeeIndex, String account) {
		jdbc.sql("""
				insert into proactive_payment_account (payee_index, bank_account) values (?, ?)
				on conflict (payee_index) do update set bank_account = excluded.bank_account, updated_at = now()""")
			.params(payeeIndex, keys.encrypt(account))
			.update();
	}
}
