package tongban.hall;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 窗口人员: which staff work at which window of a point. An appointment slot's capacity counts the staff of its window
 * group; a clerk calls numbers at the window they are assigned to.
 */
@Service
@Transactional
public class WindowStaff {

	private final JdbcClient jdbc;

	WindowStaff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void assign(UUID windowId, UUID accountId) {
		jdbc.sql("insert into hall_window_staff (window_id, account_id) values (?, ?) on conflict do nothing")
			.params(windowId, accountId)
			.update();
	}

	public void unassign(UUID windowId, UUID accountId) {
		jdbc.sql("delete from hall_window_staff where window_id = ? and account_id = ?").params(windowId, accountId).update();
	}

	/** The staff of a window. */
	@Transactional(readOnly = true)
	public List<UUID> staffOf(UUID windowId) {
		return jdbc.sql("select account_id from hall_window_staff where window_id = ? order by since, account_id")
			.param(windowId)
			.query(UUID.class)
			.list();
	}

	/** The windows a staff member works at. */
	@Transactional(readOnly = true)
	public List<UUID> windowsOf(UUID accountId) {
		return jdbc.sql("select window_id from hall_window_staff where account_id = ? order by since, window_id")
			.param(accountId)
			.query(UUID.class)
			.list();
	}
}
