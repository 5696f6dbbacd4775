package tongban.identity;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.domain.AccountRepository;
import tongban.shared.Clocks;
import tongban.shared.Uscc;

/**
 * Who a register's record is about, for work the platform does of its own accord (主动服务): the citizen account a
 * record's subject index (the keyed blind index of the ID number) names, the legal person a USCC names, and the people
 * who act for a legal person now (its representative and agents with a grant in force), to tell them.
 */
@Service
@Transactional(readOnly = true)
public class PartyLookup {

	private final AccountRepository accounts;
	private final JdbcClient jdbc;

	PartyLookup(AccountRepository accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** The citizen account whose ID number has this blind index ({@code DataKeys.blindIndex} of the normalised number). */
	public Optional<UUID> citizenByIndex(String idNumberIndex) {
		if (idNumberIndex == null || idNumberIndex.isBlank()) {
			return Optional.empty();
		}
		return accounts.findByIdNumberIndex(idNumberIndex).filter(account -> !account.isStaff()).map(account -> account.id());
	}

	/** The legal person registered on the platform with this USCC. */
	public Optional<Party> legalPersonByUscc(String uscc) {
		if (uscc == null || Uscc.check(uscc.strip()).isPresent()) {
			return Optional.empty();
		}
		return jdbc.sql("select id, name from identity_legal_person where uscc = ?")
			.param(uscc.strip())
			.query((rs, n) -> new Party(Party.Kind.LEGAL_PERSON, rs.getObject("id", UUID.class), rs.getString("name")))
			.optional();
	}

	/** The accounts acting for a legal person today: its representative first, then its agents with a grant in force. */
	public List<UUID> actingFor(UUID legalPersonId) {
		Set<UUID> people = new LinkedHashSet<>();
		jdbc.sql("select legal_rep_account_id from identity_legal_person where id = ?").param(legalPersonId).query(UUID.class).optional()
			.ifPresent(people::add);
		people.addAll(jdbc.sql("select agent_account_id from identity_agent_grant where legal_person_id = ? and revoked_at is null "
				+ "and valid_until >= ? order by created_at")
			.params(legalPersonId, LocalDate.now(Clocks.ZONE))
			.query(UUID.class)
			.list());
		return List.copyOf(people);
	}
}
