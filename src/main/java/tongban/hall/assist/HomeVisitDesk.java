package tongban.hall.assist;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.Applying;
import tongban.casework.AssistedDrafts;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CounterVisits;
import tongban.catalog.CatalogManagement;
import tongban.feedback.Clerk;
import tongban.feedback.Visit;
import tongban.feedback.VisitRatings;
import tongban.hall.WindowStaff;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.StaffMember;
import tongban.notification.NotificationManagement;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * The home visit itself, by the assigned staff member beside the person: the identity checked in person (identity's
 * {@code checkInPerson}: the account rises to L3), the case filed on the person's behalf as counter intake
 * ({@code Applying.startDraft(… COUNTER)}, filled in with them, {@code CounterVisits.submit}), the visit recorded with
 * notes, and the person's confirmation: a six-digit code sent by SMS to the person's phone, read out to the staff
 * member and typed in (no signature pad needed, and the code proves the phone on file heard of the visit). A confirmed
 * visit opens a 好差评 visit rating at the staff member's window, sent to the person by SMS and in-app.
 */
@Service
@Transactional
public class HomeVisitDesk {

	/** Wrong codes a visit takes before it must be sent again. */
	static final int MAX_ATTEMPTS = 5;

	private final HomeVisits visits;
	private final JdbcClient jdbc;
	private final IdentityManagement identity;
	private final Applying applying;
	private final AssistedDrafts drafts;
	private final CounterVisits counter;
	private final NotificationManagement notifications;
	private final VisitRatings ratings;
	private final WindowStaff windowStaff;
	private final CatalogManagement catalog;
	private final DataKeys keys;
	private final AuditTrail audit;
	private final String baseUrl;
	private final SecureRandom random = new SecureRandom();

	HomeVisitDesk(HomeVisits visits, JdbcClient jdbc, IdentityManagement identity, Applying applying, AssistedDrafts drafts,
			CounterVisits counter, NotificationManagement notifications, VisitRatings ratings, WindowStaff windowStaff,
			CatalogManagement catalog, DataKeys keys, AuditTrail audit, @Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.visits = visits;
		this.jdbc = jdbc;
		this.identity = identity;
		this.applying = applying;
		this.drafts = drafts;
		this.counter = counter;
		this.notifications = notifications;
		this.ratings = ratings;
		this.windowStaff = windowStaff;
		this.catalog = catalog;
		this.keys = keys;
		this.audit = audit;
		this.baseUrl = baseUrl;
	}

	private HomeVisits.HomeVisit ahead(StaffMember staff, UUID id) {
		HomeVisits.HomeVisit v = visits.assignedTo(staff, id);
		if (v.status() != HomeVisitStatus.ASSIGNED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-home-visit-moved", "the visit is " + v.status());
		}
		return v;
	}

	/**
	 * The staff member saw the person and their ID card: identity's in-person check (L3) against the ID number and name
	 * of the request. Answers the check's outcome; only RAISED marks the visit's identity as checked.
	 */
	public IdentityManagement.InPerson checkIdentity(StaffMember staff, UUID id) {
		ahead(staff, id);
		HomeVisits.Person person = visits.person(staff, id);
		IdentityManagement.InPerson result = identity.checkInPerson(staff.id(), person.idNumber(), person.name());
		if (result == IdentityManagement.InPerson.RAISED) {
			UUID account = identity.citizenByIdNumber(person.idNumber()).orElseThrow().id();
			jdbc.sql("update hall_home_visit set identity_checked_at = ?, person_account_id = ? where id = ?")
				.params(visits.now(), account, id)
				.update();
		}
		audit.record(HomeVisits.AUDIT, "staff:" + staff.id(), "home-visit:" + id, "上门核验身份：" + result);
		return result;
	}

	private Actor visitor(StaffMember staff, HomeVisits.HomeVisit v) {
		if (v.identityCheckedAt() == null || v.personAccountId() == null) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-home-visit-identity", "check the person's identity first");
		}
		return new Actor(v.personAccountId(), "上门：" + staff.name(), new Party(Party.Kind.CITIZEN, v.personAccountId(), v.personName()));
	}

	/** Starts (or continues) the person's draft of the visit's item, as counter intake; answers its id. */
	public CaseId startCase(StaffMember staff, UUID id) {
		HomeVisits.HomeVisit v = ahead(staff, id);
		if (v.caseId() != null) {
			return CaseId.of(v.caseId());
		}
		CaseId caseId = applying.startDraft(visitor(staff, v), v.itemCode(), Applying.COUNTER);
		jdbc.sql("update hall_home_visit set case_id = ? where id = ?").params(caseId.value(), id).update();
		audit.record(HomeVisits.AUDIT, "staff:" + staff.id(), "home-visit:" + id, "上门代为申请 case:" + caseId);
		return caseId;
	}

	private CaseId caseOf(HomeVisits.HomeVisit v) {
		if (v.caseId() == null) {
			throw DomainException.notFound("case");
		}
		return CaseId.of(v.caseId());
	}

	/** The visit's draft as the staff member fills it in with the person. */
	public AssistedDrafts.AssistedDraft draft(StaffMember staff, UUID id) {
		HomeVisits.HomeVisit v = ahead(staff, id);
		visitor(staff, v);
		return drafts.view(v.personAccountId(), v.personName(), caseOf(v), staff.id(), staff.name());
	}

	/** Saves what was filled in with the person (values and scanned materials); the problems the form still has. */
	public List<FieldProblem> fill(StaffMember staff, UUID id, Map<String, Object> values, Map<Integer, Upload> materials) {
		HomeVisits.HomeVisit v = ahead(staff, id);
		visitor(staff, v);
		return drafts.fill(v.personAccountId(), v.personName(), caseOf(v), staff.id(), staff.name(), values, materials);
	}

	/** The case number of the visit's case once submitted; empty while there is none or it is a draft. */
	@Transactional(readOnly = true)
	public Optional<String> caseNumber(StaffMember staff, UUID id) {
		HomeVisits.HomeVisit v = visits.assignedTo(staff, id);
		if (v.caseId() == null || v.personAccountId() == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(drafts.caseNumber(v.personAccountId(), v.personName(), CaseId.of(v.caseId())));
	}

	/** Submits the draft at the "counter" of the visit (one intake visit counted); the problems that stop it. */
	public List<FieldProblem> submit(StaffMember staff, UUID id) {
		HomeVisits.HomeVisit v = ahead(staff, id);
		Actor visitor = visitor(staff, v);
		CaseId caseId = caseOf(v);
		if (drafts.status(v.personAccountId(), v.personName(), caseId) != CaseStatus.DRAFT) {
			return List.of();
		}
		List<FieldProblem> problems = counter.submit(visitor, caseId, applying.draft(visitor, caseId).submitToken(), staff.name());
		if (problems.isEmpty()) {
			audit.record(HomeVisits.AUDIT, "staff:" + staff.id(), "home-visit:" + id, "上门受理提交 case:" + caseId);
		}
		return problems;
	}

	/**
	 * Records the visit: identity checked, the case (if one was started) submitted, the notes; sends the confirmation
	 * code to the person's phone. Refused ({@code hall-home-visit-identity}, {@code hall-home-visit-case}) before then.
	 */
	public void recordVisit(StaffMember staff, UUID id, String notes) {
		HomeVisits.HomeVisit v = ahead(staff, id);
		visitor(staff, v);
		if (v.caseId() != null && drafts.status(v.personAccountId(), v.personName(), CaseId.of(v.caseId())) == CaseStatus.DRAFT) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-home-visit-case", "the case is still a draft");
		}
		AssistText.problem(notes, 500).ifPresent(key -> {
			throw new DomainException(DomainException.Kind.INVALID, "hall-assist-text", key);
		});
		String code = String.format("%06d", random.nextInt(1_000_000));
		visits.moves().move(id, HomeVisitStatus.ASSIGNED, HomeVisitStatus.VISITED, new AssistEvents.HomeVisitVisited(id, v.caseId()),
				"hall-home-visit-moved", "visited_at = ?, notes = ?, confirmation_hash = ?, confirmation_attempts = 0", visits.now(),
				notes.strip(), keys.mac(id + ":" + code));
		sendCode(staff, v, code);
		audit.record(HomeVisits.AUDIT, "staff:" + staff.id(), "home-visit:" + id, "记录上门服务并发送确认码");
	}

	private void sendCode(StaffMember staff, HomeVisits.HomeVisit v, String code) {
		HomeVisits.Person person = visits.person(staff, v.id());
		notifications.notify(new NotificationManagement.Recipient(null, person.name(), person.phone(), null), "HALL_HOME_VISIT_CODE",
				Map.of("staff", staff.name(), "item", itemName(v), "code", code), null);
	}

	/** Sends a new confirmation code (the person did not get it, or too many wrong codes were typed). */
	public void resendCode(StaffMember staff, UUID id) {
		HomeVisits.HomeVisit v = visits.assignedTo(staff, id);
		if (v.status() != HomeVisitStatus.VISITED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-home-visit-moved", "the visit is " + v.status());
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		jdbc.sql("update hall_home_visit set confirmation_hash = ?, confirmation_attempts = 0 where id = ?").params(keys.mac(id + ":" + code), id)
			.update();
		sendCode(staff, v, code);
	}

	private String itemName(HomeVisits.HomeVisit v) {
		return catalog.published(v.itemCode()).map(item -> item.guide().name()).orElse(v.itemCode());
	}

	/**
	 * The person read out the code and the staff member typed it: the visit is confirmed and the person is invited to
	 * rate it. Answers false for a wrong code (counted; after {@link #MAX_ATTEMPTS} a new code must be sent).
	 */
	public boolean confirm(StaffMember staff, UUID id, String code) {
		HomeVisits.HomeVisit v = visits.assignedTo(staff, id);
		if (v.status() != HomeVisitStatus.VISITED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "hall-home-visit-moved", "the visit is " + v.status());
		}
		var stored = jdbc.sql("select confirmation_hash, confirmation_attempts from hall_home_visit where id = ? for update").param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) })
			.single();
		String typed = code == null ? "" : code.strip();
		if ((int) stored[1] >= MAX_ATTEMPTS || !typed.matches("\\d{6}") || !keys.mac(id + ":" + typed).equals(stored[0])) {
			jdbc.sql("update hall_home_visit set confirmation_attempts = confirmation_attempts + 1 where id = ?").param(id).update();
			audit.record(HomeVisits.AUDIT, "staff:" + staff.id(), "home-visit:" + id, "确认码不符");
			return false;
		}
		UUID window = windowStaff.windowsOf(staff.id()).getFirst();
		Visit rating = ratings.openVisit(new Clerk(staff.id(), staff.name(), staff.departmentCode(), staff.regionScope()), window);
		visits.moves().move(id, HomeVisitStatus.VISITED, HomeVisitStatus.CONFIRMED, new AssistEvents.HomeVisitConfirmed(id),
				"hall-home-visit-moved", "confirmed_at = ?, rating_visit_id = ?", visits.now(), rating.id());
		HomeVisits.Person person = visits.person(staff, id);
		notifications.notify(new NotificationManagement.Recipient(v.personAccountId(), person.name(), person.phone(), null),
				"HALL_HOME_VISIT_RATE", Map.of("staff", staff.name(), "item", itemName(v)), baseUrl + "/rate/" + rating.token());
		audit.record(HomeVisits.AUDIT, "staff:" + staff.id(), "home-visit:" + id, "上门服务已确认");
		return true;
	}
}
