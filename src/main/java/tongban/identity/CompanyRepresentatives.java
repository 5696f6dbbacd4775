package tongban.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;

/**
 * Who may act for a company bound on the platform: its legal representative (法定代表人) and every agent (经办人) whose
 * grant is in force today, whatever its scope. For notices the government sends a company of its own accord (惠企政策直达),
 * which go to everyone who acts for it.
 */
@Service
@Transactional(readOnly = true)
public class CompanyRepresentatives {

	/** A company bound on the platform: its party, and the accounts that may act for it (representative first). */
	public record Company(Party party, List<UUID> accountIds) {
	}

	private final JdbcClient jdbc;

	CompanyRepresentatives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The company bound to this USCC, if any, with who may act for it today. */
	public Optional<Company> byUscc(String uscc) {
		if (uscc == null || uscc.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select id, name, legal_rep_account_id from identity_legal_person where uscc = ?")
			.param(uscc.strip().toUpperCase())
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				List<UUID> accounts = new ArrayList<>();
				accounts.add(rs.getObject("legal_rep_account_id", UUID.class));
				return new Company(new Party(Party.Kind.LEGAL_PERSON, id, rs.getString("name")), accounts);
			})
			.optional()
			.map(company -> {
				List<UUID> agents = jdbc.sql("""
						select distinct agent_account_id from identity_agent_grant
						where legal_person_id = ? and revoked_at is null and valid_until >= ?""")
					.params(company.party().id(), LocalDate.now(Clocks.ZONE))
					.query(UUID.class)
					.list();
				List<UUID> all = new ArrayList<>(company.accountIds());
				agents.stream().filter(agent -> !all.contains(agent)).forEach(all::add);
				return new Company(company.party(), List.copyOf(all));
			});
	}
}
