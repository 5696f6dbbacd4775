package tongban.hall.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.ServicePoints;
import tongban.hall.Series;
import tongban.hall.WindowStaff;
import tongban.shared.Clocks;

/**
 * 预约时段: fixed-length slots inside a point's opening sessions of a day it opens (the working calendar and the point's
 * closures decide, through {@link ServicePoints#hoursOn}). A window group is the series its windows call (A 综合, B
 * 企业); a slot's capacity is the staff assigned to that group's windows serving the item times the bookings each clerk
 * takes per slot. Days from tomorrow up to the horizon can be booked.
 */
@Service
@Transactional(readOnly = true)
public class Slots {

	/** A slot of a day with its capacity and what is booked of it. */
	public record Slot(UUID pointId, Series series, LocalDate day, LocalTime start, LocalTime end, Instant startsAt, Instant endsAt,
			int capacity, int booked) {

		public int left() {
			return Math.max(0, capacity - booked);
		}

		/** "09:00-09:30" */
		public String label() {
			return start + "-" + end;
		}
	}

	/** A window group of a point for an item: its series and how many staff work at its windows serving the item. */
	public record Group(Series series, int staff) {
	}

	private final ServicePoints points;
	private final WindowStaff windowStaff;
	private final BookingRules rules;
	private final JdbcClient jdbc;
	private final Clock clock;

	Slots(ServicePoints points, WindowStaff windowStaff, BookingRules rules, JdbcClient jdbc, Clock clock) {
		this.points = points;
		this.windowStaff = windowStaff;
		this.rules = rules;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The window groups of a point serving an item that have staff (so slots exist), A before B. */
	public List<Group> groups(UUID pointId, String itemCode) {
		Map<Series, Set<UUID>> staff = new HashMap<>();
		for (ServicePoints.PointWindow window : points.windowsServing(pointId, itemCode)) {
			Optional<Series> series = Arrays.stream(Series.values()).filter(s -> !s.priority() && s.name().equals(window.series())).findFirst();
			series.ifPresent(s -> staff.computeIfAbsent(s, x -> new LinkedHashSet<>()).addAll(windowStaff.staffOf(window.id())));
		}
		return Arrays.stream(Series.values())
			.filter(s -> staff.containsKey(s) && !staff.get(s).isEmpty())
			.map(s -> new Group(s, staff.get(s).size()))
			.toList();
	}

	/** The group a party books with: 企业 (B) for a company where the point has one, otherwise the first (综合). */
	public Optional<Group> groupFor(UUID pointId, String itemCode, boolean company) {
		List<Group> groups = groups(pointId, itemCode);
		return groups.stream()
			.filter(g -> company == (g.series() == Series.B))
			.findFirst()
			.or(() -> groups.stream().findFirst());
	}

	/** The points serving an item where some window group has staff. */
	public List<ServicePoints.ServicePoint> pointsFor(String itemCode) {
		return points.pointsServing(itemCode).stream().filter(p -> !groups(p.id(), itemCode).isEmpty()).toList();
	}

	/** Today in Asia/Shanghai by the application's clock. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(Clocks.ZONE));
	}

	public Instant now() {
		return clock.instant();
	}

	/** Whether a day lies between tomorrow and the horizon. */
	public boolean withinHorizon(LocalDate day) {
		LocalDate today = today();
		return day.isAfter(today) && !day.isAfter(today.plusDays(rules.horizonDays()));
	}

	/** The days between tomorrow and the horizon on which the point opens. */
	public List<LocalDate> days(UUID pointId) {
		List<LocalDate> out = new ArrayList<>();
		LocalDate today = today();
		for (int after = 1; after <= rules.horizonDays(); after++) {
			if (points.openOn(pointId, today.plusDays(after))) {
				out.add(today.plusDays(after));
			}
		}
		return out;
	}

	/** The slots of a group on a day (none when the point is closed), with what is booked of each. */
	public List<Slot> slots(UUID pointId, Group group, LocalDate day) {
		int capacity = group.staff() * rules.perClerk();
		Map<Instant, Integer> booked = new HashMap<>();
		jdbc.sql("select starts_at, booked from hall_booking_slot where point_id = ? and series = ? and starts_at >= ? and starts_at < ?")
			.params(pointId, group.series().name(), Timestamp.from(day.atStartOfDay(Clocks.ZONE).toInstant()),
					Timestamp.from(day.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant()))
			.query((rs, n) -> booked.put(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
			.list();
		List<Slot> out = new ArrayList<>();
		for (ServicePoints.Session session : points.hoursOn(pointId, day)) {
			LocalTime start = session.opens();
			while (!start.plus(rules.slotLength()).isAfter(session.closes()) && start.plus(rules.slotLength()).isAfter(start)) {
				LocalTime end = start.plus(rules.slotLength());
				Instant startsAt = day.atTime(start).atZone(Clocks.ZONE).toInstant();
				out.add(new Slot(pointId, group.series(), day, start, end, startsAt, day.atTime(end).atZone(Clocks.ZONE).toInstant(), capacity,
						booked.getOrDefault(startsAt, 0)));
				start = end;
			}
		}
		return out;
	}

	/** The slot of a group starting at a time of a day, if there is one. */
	public Optional<Slot> slot(UUID pointId, Group group, LocalDate day, LocalTime start) {
		return slots(pointId, group, day).stream().filter(s -> s.start().equals(start)).findFirst();
	}
}
