package tongban.hall.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.audit.AuditTrail;
import tongban.directory.ServicePointEditing;
import tongban.directory.ServicePointEditing.PointDraft;
import tongban.directory.ServicePointEditing.WindowDraft;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.PointWindow;
import tongban.directory.ServicePoints.ServicePoint;
import tongban.hall.WindowStaff;
import tongban.identity.HistoryParties;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;

/**
 * The service network in the console (platform admins): points, closures, windows and the clerks at them. Everything
 * typed is checked here, with a message per field, before anything is written; each change is written with its audit
 * entry in one transaction, so a refused or failed change leaves neither.
 */
@Service
@Transactional
public class PointConsole {

	/** Audit kind of every change to the service network. */
	public static final String AUDIT_KIND = "SERVICE_POINT";

	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
	static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{2,19}");
	static final Pattern WINDOW_NUMBER = Pattern.compile("[0-9A-Za-z]{1,10}");
	static final Pattern DEGREES = Pattern.compile("-?\\d{1,3}(\\.\\d{1,10})?");
	static final int MAX_ITEMS = 300;
	static final int CLOSURE_HORIZON_DAYS = 731;

	/** A clerk at a window, as the console lists them. */
	public record Clerk(UUID id, String name) {
	}

	private final ServicePoints points;
	private final ServicePointEditing editing;
	private final PointFinder finder;
	private final WindowStaff staff;
	private final HistoryParties parties;
	private final IdentityManagement identity;
	private final AuditTrail audit;
	private final Clock clock;

	PointConsole(ServicePoints points, ServicePointEditing editing, PointFinder finder, WindowStaff staff, HistoryParties parties,
			IdentityManagement identity, AuditTrail audit, Clock clock) {
		this.points = points;
		this.editing = editing;
		this.finder = finder;
		this.staff = staff;
		this.parties = parties;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates ({@code existing} empty) or changes a point; its code when saved, empty with errors when refused. */
	public Optional<String> savePoint(Optional<ServicePoint> existing, PointForm form, Errors errors, StaffMember admin) {
		String code = strip(form.getCode()).toUpperCase();
		check(CODE.matcher(code).matches(), "code", "hall.points.error.code", errors);
		points.pointByCode(code).filter(p -> existing.map(e -> !e.id().equals(p.id())).orElse(true))
			.ifPresent(p -> errors.rejectValue("code", "hall.points.error.codeTaken"));
		String name = strip(form.getName());
		check(name.length() >= 2 && name.length() <= 100, "name", "hall.points.error.name", errors);
		ServicePoints.Level level = level(form.getLevel());
		check(level != null, "level", "hall.points.error.level", errors);
		String township = strip(form.getTownship());
		boolean knownTownship = finder.township(township).isPresent();
		check(knownTownship || (township.isEmpty() && level == ServicePoints.Level.DISTRICT), "township", "hall.points.error.township", errors);
		String address = strip(form.getAddress());
		check(!address.isEmpty() && address.length() <= 300, "address", "hall.points.error.address", errors);
		BigDecimal latitude = degrees(form.getLatitude(), 90, "latitude", errors);
		BigDecimal longitude = degrees(form.getLongitude(), 180, "longitude", errors);
		if ((latitude == null) != (longitude == null) && !errors.hasFieldErrors("latitude") && !errors.hasFieldErrors("longitude")) {
			errors.rejectValue(latitude == null ? "latitude" : "longitude", "hall.points.error.coordinatesPair");
		}
		String hours = WorkdayHours.normalise(form.getHours());
		WorkdayHours.problem(hours).ifPresent(key -> errors.rejectValue("hours", key));
		String phone = strip(form.getPhone());
		check(phone.isEmpty() || PHONE.matcher(phone).matches(), "phone", "hall.points.error.phone", errors);
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		PointDraft draft = new PointDraft(code, name, level, township.isEmpty() ? null : township, address, latitude, longitude, hours,
				phone.isEmpty() ? null : phone);
		if (existing.isPresent()) {
			editing.update(existing.get().id(), draft);
			record(admin, code, "changed: " + describe(draft));
		}
		else {
			editing.create(draft);
			record(admin, code, "created: " + describe(draft));
		}
		return Optional.of(code);
	}

	/** Closes the point on a day; the message key of what is wrong with the day or reason, empty when closed. */
	public Optional<String> close(ServicePoint point, String dayText, String reasonText, StaffMember admin) {
		LocalDate day;
		try {
			day = LocalDate.parse(strip(dayText));
		}
		catch (DateTimeParseException e) {
			return Optional.of("hall.points.error.closure.day");
		}
		LocalDate today = LocalDate.now(clock);
		if (day.isBefore(today) || day.isAfter(today.plusDays(CLOSURE_HORIZON_DAYS))) {
			return Optional.of("hall.points.error.closure.past");
		}
		String reason = strip(reasonText);
		if (reason.isEmpty() || reason.length() > 200) {
			return Optional.of("hall.points.error.closure.reason");
		}
		editing.close(point.id(), day, reason);
		record(admin, point.code(), "closed on " + day + ": " + reason);
		return Optional.empty();
	}

	public void reopen(ServicePoint point, LocalDate day, StaffMember admin) {
		if (editing.reopen(point.id(), day)) {
			record(admin, point.code(), "reopened on " + day);
		}
	}

	/** Adds ({@code existing} empty) or changes a window of the point; its number when saved, empty with errors when refused. */
	public Optional<String> saveWindow(ServicePoint point, Optional<PointWindow> existing, WindowForm form, Errors errors, StaffMember admin) {
		String number = strip(form.getNumber());
		check(WINDOW_NUMBER.matcher(number).matches(), "number", "hall.points.error.window.number", errors);
		points.windows(point.id()).stream()
			.filter(w -> w.number().equalsIgnoreCase(number) && existing.map(e -> !e.id().equals(w.id())).orElse(true))
			.findFirst()
			.ifPresent(w -> errors.rejectValue("number", "hall.points.error.window.numberTaken"));
		String name = strip(form.getName());
		check(!name.isEmpty() && name.length() <= 100, "name", "hall.points.error.window.name", errors);
		ServicePoints.WindowKind kind = kind(form.getKind());
		check(kind != null, "kind", "hall.points.error.window.kind", errors);
		String series = strip(form.getSeries());
		check(series.equals("A") || series.equals("B"), "series", "hall.points.error.window.series", errors);
		boolean servesAll = form.isServesAll() && kind != ServicePoints.WindowKind.COLLECTION;
		List<String> items = servesAll || kind == ServicePoints.WindowKind.COLLECTION ? List.of() : form.itemCodes();
		if (!servesAll && kind != ServicePoints.WindowKind.COLLECTION) {
			if (items.isEmpty()) {
				errors.rejectValue("items", "hall.points.error.window.items");
			}
			else if (items.size() > MAX_ITEMS || items.stream().anyMatch(i -> i.length() > 40)) {
				errors.rejectValue("items", "hall.points.error.window.itemsLong");
			}
			else {
				items.stream().filter(i -> finder.item(i).isEmpty()).findFirst()
					.ifPresent(unknown -> errors.rejectValue("items", "hall.points.error.window.itemUnknown", new Object[] { unknown }, null));
			}
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		WindowDraft draft = new WindowDraft(number, name, kind, series, servesAll, items);
		if (existing.isPresent()) {
			editing.updateWindow(existing.get().id(), draft);
			record(admin, point.code(), "window " + existing.get().number() + " changed: " + describe(draft));
		}
		else {
			editing.addWindow(point.id(), draft);
			record(admin, point.code(), "window added: " + describe(draft));
		}
		return Optional.of(number);
	}

	/** The clerks at a window, by name. */
	@Transactional(readOnly = true)
	public List<Clerk> clerksAt(PointWindow window) {
		return staff.staffOf(window.id()).stream()
			.map(id -> new Clerk(id, identity.staffMember(id).map(StaffMember::name).orElse(id.toString())))
			.toList();
	}

	/** Puts a counter clerk at a window; the message key of why not, empty when assigned. */
	public Optional<String> assign(ServicePoint point, PointWindow window, String username, StaffMember admin) {
		String name = strip(username);
		Optional<StaffMember> clerk = name.isEmpty() || name.length() > 60 ? Optional.empty()
				: parties.staffByUsername(name).flatMap(s -> identity.staffMember(s.id()));
		if (clerk.isEmpty()) {
			return Optional.of("hall.points.error.staff.unknown");
		}
		if (!clerk.get().has(Role.COUNTER_CLERK)) {
			return Optional.of("hall.points.error.staff.role");
		}
		staff.assign(window.id(), clerk.get().id());
		record(admin, point.code(), "window " + window.number() + ": assigned staff:" + clerk.get().id());
		return Optional.empty();
	}

	public void unassign(ServicePoint point, PointWindow window, UUID accountId, StaffMember admin) {
		if (staff.staffOf(window.id()).contains(accountId)) {
			staff.unassign(window.id(), accountId);
			record(admin, point.code(), "window " + window.number() + ": unassigned staff:" + accountId);
		}
	}

	private void record(StaffMember admin, String pointCode, String detail) {
		audit.record(AUDIT_KIND, "staff:" + admin.id(), "service-point:" + pointCode, detail);
	}

	private static String describe(PointDraft d) {
		return d.name() + ", " + d.level() + ", " + d.townshipCode() + ", " + d.address() + ", " + d.latitude() + "," + d.longitude() + ", "
				+ d.workdayHours() + ", " + d.phone();
	}

	private static String describe(WindowDraft d) {
		return d.number() + " " + d.name() + ", " + d.kind() + ", series " + d.series() + ", "
				+ (d.servesAllItems() ? "all items" : String.join(" ", d.items()));
	}

	private static BigDecimal degrees(String text, int limit, String field, Errors errors) {
		String value = strip(text);
		if (value.isEmpty()) {
			return null;
		}
		if (!DEGREES.matcher(value).matches() || new BigDecimal(value).abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
			errors.rejectValue(field, "hall.points.error." + field);
			return null;
		}
		return new BigDecimal(value).setScale(6, RoundingMode.HALF_UP);
	}

	private static void check(boolean good, String field, String key, Errors errors) {
		if (!good && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, key);
		}
	}

	private static ServicePoints.Level level(String text) {
		for (ServicePoints.Level l : ServicePoints.Level.values()) {
			if (l.name().equals(text)) {
				return l;
			}
		}
		return null;
	}

	private static ServicePoints.WindowKind kind(String text) {
		for (ServicePoints.WindowKind k : ServicePoints.WindowKind.values()) {
			if (k.name().equals(text)) {
				return k;
			}
		}
		return null;
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}
}
