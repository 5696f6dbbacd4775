package tongban.proactive.promise;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.PromiseStanding;

/**
 * The breaches of false promises (失信记录) and the restriction they carry: a party with a breach in force may not
 * promise again until it ends (国办发〔2020〕42号: 虚假承诺 … 记入信用记录, 不再适用告知承诺制), which casework asks
 * through its {@link PromiseStanding} port. Staff see their department's; the party sees its own.
 */
@Service
@Transactional(readOnly = true)
public class PromiseBreaches implements PromiseStanding {

	static final String COLUMNS = """
			id, party_kind, party_id, party_name, case_id, case_number, item_code, item_name, department_code, recorded_on,
			restricted_until, findings, recorded_by""";

	static final RowMapper<PromiseBreach> ROW = (rs, n) -> new PromiseBreach(rs.getObject("id", UUID.class), rs.getString("party_kind"),
			rs.getObject("party_id", UUID.class), rs.getString("party_name"), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
			rs.getString("item_code"), rs.getString("item_name"), rs.getString("department_code"), rs.getObject("recorded_on", LocalDate.class),
			rs.getObject("restricted_until", LocalDate.class), rs.getString("findings"), rs.getString("recorded_by"));

	private final JdbcClient jdbc;

	PromiseBreaches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<LocalDate> barredUntil(UUID partyId, LocalDate today) {
		return jdbc.sql("select restricted_until from proactive_promise_breach where party_id = ? and restricted_until >= ? order by restricted_until desc limit 1")
			.params(partyId, today)
			.query(LocalDate.class)
			.optional();
	}

	/** The party's breaches, newest first. */
	public List<PromiseBreach> ofParty(UUID partyId) {
		return jdbc.sql("select " + COLUMNS + " from proactive_promise_breach where party_id = ? order by recorded_on desc, case_number")
			.param(partyId)
			.query(ROW)
			.list();
	}

	/** The breaches a department recorded, newest first. */
	public List<PromiseBreach> ofDepartment(String departmentCode, int limit) {
		return jdbc.sql("select " + COLUMNS + " from proactive_promise_breach where department_code = ? order by recorded_on desc, case_number limit ?")
			.params(departmentCode, limit)
			.query(ROW)
			.list();
	}
}
