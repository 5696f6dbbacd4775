package tongban.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;

/**
 * 服务网点: the district 政务服务中心, township/街道 便民服务中心 and village/community 代办点 where people can be served in
 * person, with their windows, the items each window serves and the hours each is open. A point is open on the working
 * days of the working calendar (holidays closed, make-up days open) during its working-day hours, unless it is closed
 * that day; every question "is it open" is answered here so that booking, queueing and the guides agree.
 */
@Service
@Transactional(readOnly = true)
public class ServicePoints {

	/** The three levels of the 四级 service network the platform reaches down to. */
	public enum Level {
		DISTRICT("政务服务中心"), TOWNSHIP("便民服务中心"), VILLAGE("代办点");

		private final String label;

		Level(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** What a window does: 综合窗口 (any item it serves), 专业窗口 (one department's items), 出件窗口 (results). */
	public enum WindowKind {
		GENERAL("综合窗口"), SPECIALISED("专业窗口"), COLLECTION("出件窗口");

		private final String label;

		WindowKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One service point. Coordinates are WGS-84 degrees (null when unknown); hours as "09:00-12:00,13:30-17:00". */
	public record ServicePoint(UUID id, String code, String name, Level level, String regionCode, String townshipCode,
			String address, BigDecimal latitude, BigDecimal longitude, String phone, String workdayHours) {

		/** Great-circle distance in metres from a position, or empty when the point has no coordinates. */
		public Optional<Double> metresFrom(double latitudeDegrees, double longitudeDegrees) {
			if (latitude == null || longitude == null) {
				return Optional.empty();
			}
			double lat1 = Math.toRadians(latitudeDegrees);
			double lat2 = Math.toRadians(latitude.doubleValue());
			double dLat = lat2 - lat1;
			double dLon = Math.toRadians(longitude.doubleValue() - longitudeDegrees);
			double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
			return Optional.of(2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h))));
		}

		/** The opening sessions of a working day, parsed from {@link #workdayHours()}. */
		public List<Session> sessions() {
			return Session.parse(workdayHours);
		}
	}

	/** A window of a point: the queue series it calls (A, B ...), and whether it serves every published item. */
	public record PointWindow(UUID id, UUID pointId, String number, String name, WindowKind kind, String series,
			boolean servesAllItems, UUID departmentId) {
	}

	/** One opening session of a day, e.g. 09:00–12:00. */
	public record Session(LocalTime opens, LocalTime closes) {

		/** "09:00-12:00,13:30-17:00" as sessions; an empty text means no hours. */
		public static List<Session> parse(String text) {
			List<Session> out = new ArrayList<>();
			if (text == null || text.isBlank()) {
				return out;
			}
			for (String part : text.split(",")) {
				String[] ends = part.trim().split("-");
				out.add(new Session(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
			}
			return out;
		}

		public boolean contains(LocalTime time) {
			return !time.isBefore(opens) && time.isBefore(closes);
		}
	}

	static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private static final String POINT = """
			select id, code, name, level, region_code, township_code, address, latitude, longitude, phone, workday_hours
			from directory_service_hall""";
	private static final String WINDOW = """
			select id, hall_id as point_id, number, name, kind, series, serves_all_items, department_id from directory_window""";

	private final JdbcClient jdbc;
	private final WorkingCalendars calendars;

	ServicePoints(JdbcClient jdbc, WorkingCalendars calendars) {
		this.jdbc = jdbc;
		this.calendars = calendars;
	}

	/** Every point, district first, then townships and villages, by code. */
	public List<ServicePoint> points() {
		return jdbc.sql(POINT + " order by case level when 'DISTRICT' then 0 when 'TOWNSHIP' then 1 else 2 end, code, name")
			.query(ServicePoint.class)
			.list();
	}

	public Optional<ServicePoint> point(UUID id) {
		return jdbc.sql(POINT + " where id = ?").param(id).query(ServicePoint.class).optional();
	}

	public Optional<ServicePoint> pointByCode(String code) {
		return jdbc.sql(POINT + " where code = ?").param(code).query(ServicePoint.class).optional();
	}

	/** The points of a township (its 便民服务中心 and the 代办点 in it). */
	public List<ServicePoint> inTownship(String townshipCode) {
		return points().stream().filter(p -> townshipCode.equals(p.townshipCode())).toList();
	}

	/** Points with coordinates, nearest first. */
	public List<ServicePoint> nearest(double latitudeDegrees, double longitudeDegrees, int limit) {
		return points().stream()
			.filter(p -> p.metresFrom(latitudeDegrees, longitudeDegrees).isPresent())
			.sorted(Comparator.comparingDouble(p -> p.metresFrom(latitudeDegrees, longitudeDegrees).orElseThrow()))
			.limit(limit)
			.toList();
	}

	/** A point's windows by number. */
	public List<PointWindow> windows(UUID pointId) {
		return jdbc.sql(WINDOW + " where hall_id = ? order by number").param(pointId).query(PointWindow.class).list();
	}

	public Optional<PointWindow> window(UUID windowId) {
		return jdbc.sql(WINDOW + " where id = ?").param(windowId).query(PointWindow.class).optional();
	}

	/** The items listed for a window (a window that serves every item lists none). */
	public List<String> itemsOf(UUID windowId) {
		return jdbc.sql("select item_code from directory_window_item where window_id = ? order by item_code")
			.param(windowId)
			.query(String.class)
			.list();
	}

	/** The windows of a point that serve an item, by number. */
	public List<PointWindow> windowsServing(UUID pointId, String itemCode) {
		return jdbc.sql(WINDOW + " " + """
				where hall_id = ? and kind <> 'COLLECTION'
				and (serves_all_items or exists (select 1 from directory_window_item i where i.window_id = directory_window.id and i.item_code = ?))
				order by number""")
			.params(pointId, itemCode)
			.query(PointWindow.class)
			.list();
	}

	/** The points where an item can be handled in person, district first. */
	public List<ServicePoint> pointsServing(String itemCode) {
		return points().stream().filter(p -> !windowsServing(p.id(), itemCode).isEmpty()).toList();
	}

	/** Whether the point opens on a day: a working day of the calendar on which the point is not closed. */
	public boolean openOn(UUID pointId, LocalDate day) {
		return calendars.current().isWorkingDay(day) && closure(pointId, day).isEmpty()
				&& point(pointId).map(p -> !p.sessions().isEmpty()).orElse(false);
	}

	/** The day's opening sessions: none when the point is closed that day. */
	public List<Session> hoursOn(UUID pointId, LocalDate day) {
		if (!openOn(pointId, day)) {
			return List.of();
		}
		return point(pointId).map(ServicePoint::sessions).orElse(List.of());
	}

	/** Whether the point is open at a moment (in Asia/Shanghai). */
	public boolean openAt(UUID pointId, ZonedDateTime at) {
		ZonedDateTime local = at.withZoneSameInstant(Clocks.ZONE);
		return hoursOn(pointId, local.toLocalDate()).stream().anyMatch(s -> s.contains(local.toLocalTime()));
	}

	/** Why the point is closed on a day it would otherwise open (停电检修 …), if it is. */
	public Optional<String> closure(UUID pointId, LocalDate day) {
		return jdbc.sql("select reason from directory_point_closure where point_id = ? and day = ?")
			.params(pointId, day)
			.query(String.class)
			.optional();
	}
}
