package tongban.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.ServicePoints.Level;
import tongban.directory.ServicePoints.WindowKind;
import tongban.shared.ClusterSignals;
import tongban.shared.ClusterVersion;
import tongban.shared.DomainException;

/**
 * Writing the service network (issue 20): points, their closures and windows. The directory owns these tables, so the
 * console of another module edits them only through here. The caller checks the input (format, ranges, items in the
 * catalogue); this class keeps what only the database can tell: a code used once, a window number once per point.
 */
@Service
@Transactional
public class ServicePointEditing {

	/** A point as the console writes it; hours as "09:00-12:00,13:30-17:00". */
	public record PointDraft(String code, String name, Level level, String townshipCode, String address, BigDecimal latitude,
			BigDecimal longitude, String workdayHours, String phone) {
	}

	/** A window as the console writes it; items are ignored when it serves every item. */
	public record WindowDraft(String number, String name, WindowKind kind, String series, boolean servesAllItems, List<String> items) {
	}

	/** A day a point is closed, and why. */
	public record Closure(LocalDate day, String reason) {
	}

	private final JdbcClient jdbc;
	private final DirectoryManagement directory;
	private final ClusterVersion generation;

	ServicePointEditing(JdbcClient jdbc, DirectoryManagement directory, ClusterSignals signals) {
		this.generation = new ClusterVersion(signals, "directory_points");
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** A new point in the home region; refused when its code is taken. */
	public UUID create(PointDraft draft) {
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into directory_service_hall (id, code, name, region_code, address, hours, phone, level, township_code,
					  latitude, longitude, workday_hours)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, draft.code(), draft.name(), directory.homeRegion(), draft.address(), hoursText(draft.workdayHours()),
						draft.phone(), draft.level().name(), draft.townshipCode(), draft.latitude(), draft.longitude(), draft.workdayHours())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "point-code-taken", "service point code in use");
		}
		generation.changed("");
		return id;
	}

	/** Changes a point (its code too); refused when the new code is another point's. */
	public void update(UUID pointId, PointDraft draft) {
		int changed;
		try {
			changed = jdbc.sql("""
					update directory_service_hall set code = ?, name = ?, address = ?, hours = ?, phone = ?, level = ?, township_code = ?,
					  latitude = ?, longitude = ?, workday_hours = ? where id = ?""")
				.params(draft.code(), draft.name(), draft.address(), hoursText(draft.workdayHours()), draft.phone(), draft.level().name(),
						draft.townshipCode(), draft.latitude(), draft.longitude(), draft.workdayHours(), pointId)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "point-code-taken", "service point code in use");
		}
		if (changed == 0) {
			throw DomainException.notFound("service point");
		}
		generation.changed("");
	}

	/** Closes a point on a day (replacing the reason if it was already closed). */
	public void close(UUID pointId, LocalDate day, String reason) {
		jdbc.sql("""
				insert into directory_point_closure (point_id, day, reason) values (?, ?, ?)
				on conflict (point_id, day) do update set reason = excluded.reason""")
			.params(pointId, day, reason)
			.update();
	}

	/** Opens a closed day again; whether there was a closure to remove. */
	public boolean reopen(UUID pointId, LocalDate day) {
		return jdbc.sql("delete from directory_point_closure where point_id = ? and day = ?").params(pointId, day).update() > 0;
	}

	/** The closures of a point from a day on, by day. */
	@Transactional(readOnly = true)
	public List<Closure> closuresFrom(UUID pointId, LocalDate from) {
		return jdbc.sql("select day, reason from directory_point_closure where point_id = ? and day >= ? order by day")
			.params(pointId, from)
			.query(Closure.class)
			.list();
	}

	/** A new window of a point; refused when the point already has a window of that number. */
	public UUID addWindow(UUID pointId, WindowDraft draft) {
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into directory_window (id, hall_id, number, name, kind, series, serves_all_items)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, pointId, draft.number(), draft.name(), draft.kind().name(), draft.series(), draft.servesAllItems())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "window-number-taken", "window number in use at this point");
		}
		writeItems(id, draft);
		generation.changed("");
		return id;
	}

	/** Changes a window and replaces the items it serves. */
	public void updateWindow(UUID windowId, WindowDraft draft) {
		int changed;
		try {
			changed = jdbc.sql("update directory_window set number = ?, name = ?, kind = ?, series = ?, serves_all_items = ? where id = ?")
				.params(draft.number(), draft.name(), draft.kind().name(), draft.series(), draft.servesAllItems(), windowId)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(DomainException.Kind.CONFLICT, "window-number-taken", "window number in use at this point");
		}
		if (changed == 0) {
			throw DomainException.notFound("window");
		}
		jdbc.sql("delete from directory_window_item where window_id = ?").param(windowId).update();
		writeItems(windowId, draft);
		generation.changed("");
	}

	/** Changes whenever a point or window changed on any node: pages listing where items are handled are stale. */
	public long generation() {
		return generation.current();
	}

	private void writeItems(UUID windowId, WindowDraft draft) {
		if (draft.servesAllItems()) {
			return;
		}
		for (String item : draft.items().stream().distinct().toList()) {
			jdbc.sql("insert into directory_window_item (window_id, item_code) values (?, ?)").params(windowId, item).update();
		}
	}

	/** The free-text hours older pages show, kept in step with the working-day hours. */
	private static String hoursText(String workdayHours) {
		return "工作日 " + workdayHours.replace(",", ", ") + "（法定节假日除外）";
	}
}
