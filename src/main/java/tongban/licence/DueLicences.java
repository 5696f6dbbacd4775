package tongban.licence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licences in wallets that are about to expire, for reminders the platform sends of its own accord (主动服务): each
 * with its type (which says what renews it), its holder (a citizen's account or a legal person) and its expiry date.
 */
@Service
@Transactional(readOnly = true)
public class DueLicences {

	/** A valid licence with an expiry date; {@code company} when its holder is a legal person. */
	public record Due(UUID licenceId, String typeCode, String name, LocalDate validTo, UUID holderPartyId, boolean company) {
	}

	private static final String COLUMNS = "id as licence_id, type_code, name, valid_to, holder_party_id, holder_code_type <> '111' as company";

	private final JdbcClient jdbc;

	DueLicences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Valid licences expiring from {@code today} to {@code days} days later, by expiry. */
	public List<Due> dueWithin(LocalDate today, int days) {
		return jdbc.sql("select " + COLUMNS + " from licence_licence where status = 'VALID' and valid_to between ? and ? order by valid_to, id")
			.params(today, today.plusDays(days))
			.query(Due.class)
			.list();
	}

	/** One licence, if it is valid and has an expiry date. */
	public Optional<Due> licence(UUID licenceId) {
		return jdbc.sql("select " + COLUMNS + " from licence_licence where id = ? and status = 'VALID' and valid_to is not null")
			.param(licenceId)
			.query(Due.class)
			.optional();
	}
}
