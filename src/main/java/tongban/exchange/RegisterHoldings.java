package tongban.exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tongban.shared.DataKeys;

/**
 * Whether a register of the catalogue holds a record of a subject, without reading it: what a request to correct register
 * data (个人信息保护法 Art. 46) is checked against before it is sent to the register's department. Answers yes or no
 * only, so it is no read of the record's content and records none.
 */
@Service
@Transactional(readOnly = true)
public class RegisterHoldings {

	private final JdbcClient jdbc;
	private final DataKeys keys;

	RegisterHoldings(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** Whether the resource holds a record of the subject (an ID number or USCC). */
	public boolean holds(String resourceCode, String subject) {
		if (resourceCode == null || subject == null) {
			return false;
		}
		return jdbc.sql("select count(*) from exchange_record where resource_code = ? and subject_index = ?")
			.params(resourceCode, keys.blindIndex(subject))
			.query(Long.class)
			.single() > 0;
	}
}
