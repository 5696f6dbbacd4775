package tongban.hall.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.catalog.CatalogManagement;
import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;
import tongban.shared.IdNumber;
import tongban.shared.Masking;
import tongban.shared.MobileNumber;

/**
 * 上门服务 for the elderly and disabled: a request (by the person, a family proxy acting under identity's proxy grant, or
 * a community worker) is assigned at once to staff of the nearest point: the 便民服务中心 of the person's township,
 * else the district hall; among that point's window staff, whoever has the fewest visits ahead. The person's ID
 * number, phone and address are encrypted at rest and every read of them in clear is in the audit trail; lists show
 * them masked. The visit itself is {@link HomeVisitDesk}'s.
 */
@Service
@Transactional
public class HomeVisits {

	/** Why the person cannot come to a point. */
	public enum Reason {
		ELDERLY("高龄"), DISABLED("残疾"), IMMOBILE("行动不便");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Who asked: the person, a family member acting for them, or a community worker (代办员). */
	public enum RequestChannel {
		SELF, PROXY, COMMUNITY
	}

	/** What a request needs; for the person and a proxy, name and ID number come from the person's account. */
	public record Request(String name, String idNumber, String phone, String address, String townshipCode, String itemCode,
			String reason) {
	}

	/** A visit with the personal data masked (what lists and the requester see). */
	public record HomeVisit(UUID id, UUID personAccountId, String personName, String idNumberMasked, String phoneMasked,
			String addressMasked, String townshipCode, String itemCode, Reason reason, RequestChannel channel, UUID requestedById,
			String requestedByName, HomeVisitStatus status, UUID pointId, UUID assignedAccountId, String assignedName,
			Instant identityCheckedAt, UUID caseId, Instant visitedAt, String notes, Instant confirmedAt, UUID ratingVisitId,
			String cancelReason, Instant requestedAt, Instant assignedAt) {
	}

	/** The personal data in clear, for the assigned staff only (each read recorded). */
	public record Person(String name, String idNumber, String phone, String address) {
	}

	static final String AUDIT = "HALL_HOME_VISIT";
	static final int NAME_MAX = 30;
	static final int ADDRESS_MAX = 120;

	private final JdbcClient jdbc;
	private final GuardedMoves<HomeVisitStatus> moves;
	private final Clock clock;
	private final DataKeys keys;
	private final ServicePoints points;
	private final WindowStaff windowStaff;
	private final CatalogManagement catalog;
	private final AuditTrail audit;
	private final IdentityManagement identity;

	HomeVisits(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, DataKeys keys, ServicePoints points, WindowStaff windowStaff,
			CatalogManagement catalog, AuditTrail audit, IdentityManagement identity) {
		this.identity = identity;
		this.jdbc = jdbc;
		this.moves = new GuardedMoves<>(jdbc, events, HomeVisitStatus.GRAPH, "hall_home_visit");
		this.clock = clock;
		this.keys = keys;
		this.points = points;
		this.windowStaff = windowStaff;
		this.catalog = catalog;
		this.audit = audit;
	}

	GuardedMoves<HomeVisitStatus> moves() {
		return moves;
	}

	Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	/** The township 便民服务中心 a person may name as where they live, by township code. */
	@Transactional(readOnly = true)
	public Map<String, String> townships() {
		Map<String, String> out = new LinkedHashMap<>();
		points.points().stream().filter(p -> p.level() == ServicePoints.Level.TOWNSHIP && p.townshipCode() != null)
			.forEach(p -> out.putIfAbsent(p.townshipCode(), p.name()));
		return out;
	}

	/** The items a home visit can take in: those the township 便民服务中心 windows serve, by code, with their names. */
	@Transactional(readOnly = true)
	public Map<String, String> items() {
		Map<String, String> out = new LinkedHashMap<>();
		points.points().stream().filter(p -> p.level() == ServicePoints.Level.TOWNSHIP)
			.flatMap(p -> points.windows(p.id()).stream())
			.flatMap(w -> points.itemsOf(w.id()).stream())
			.sorted()
			.forEach(code -> catalog.published(code).ifPresent(item -> out.putIfAbsent(code, item.guide().name())));
		return out;
	}

	/** What is wrong with a request, field → message key (empty: it may be filed). */
	@Transactional(readOnly = true)
	public Map<String, String> check(Request request) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (request.name() == null || request.name().isBlank() || request.name().strip().length() > NAME_MAX
				|| AssistText.problem(request.name(), NAME_MAX).isPresent()) {
			errors.put("name", "hall.assist.visit.error.name");
		}
		if (request.idNumber() == null || IdNumber.check(request.idNumber()).isPresent()) {
			errors.put("idNumber", "hall.assist.visit.error.idNumber");
		}
		if (!MobileNumber.valid(request.phone() == null ? "" : request.phone().strip())) {
			errors.put("phone", "hall.assist.visit.error.phone");
		}
		if (AssistText.problem(request.address(), ADDRESS_MAX).isPresent()) {
			errors.put("address", "hall.assist.visit.error.address");
		}
		if (request.townshipCode() == null || !townships().containsKey(request.townshipCode())) {
			errors.put("townshipCode", "hall.assist.visit.error.township");
		}
		if (request.itemCode() == null || !items().containsKey(request.itemCode())) {
			errors.put("itemCode", "hall.assist.visit.error.item");
		}
		if (reason(request.reason()).isEmpty()) {
			errors.put("reason", "hall.assist.visit.error.reason");
		}
		return errors;
	}

	private static Optional<Reason> reason(String text) {
		for (Reason r : Reason.values()) {
			if (r.name().equals(text)) {
				return Optional.of(r);
			}
		}
		return Optional.empty();
	}

	/**
	 * Files a checked request and assigns it to staff of the nearest point in the same transaction (it stays requested
	 * when no point of the township or the district has window staff). Refused ({@code hall-home-visit-invalid}) when
	 * {@link #check} finds anything.
	 */
	public UUID request(Request request, RequestChannel channel, UUID personAccountId, UUID requestedById, String requestedByName) {
		Map<String, String> problems = check(request);
		if (!problems.isEmpty()) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-home-visit-invalid", String.join(", ", problems.keySet()));
		}
		UUID id = UUID.randomUUID();
		String idNumber = IdNumber.normalise(request.idNumber());
		jdbc.sql("""
				insert into hall_home_visit (id, person_account_id, person_name, id_number_enc, id_number_index, phone_enc, address_enc,
				  township_code, item_code, reason, channel, requested_by_id, requested_by_name, status, requested_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)""")
			.params(id, personAccountId, request.name().strip(), keys.encrypt(idNumber), keys.blindIndex(idNumber),
					keys.encrypt(request.phone().strip()), keys.encrypt(request.address().strip()), request.townshipCode(),
					request.itemCode(), request.reason(), channel.name(), requestedById, requestedByName, now())
			.update();
		audit.record(AUDIT, "account:" + requestedById, "home-visit:" + id, "申请上门服务（" + channel + "）");
		assign(id);
		return id;
	}

	/**
	 * Assigns a requested visit: the township's 便民服务中心, else the district hall; the window staff there with the
	 * fewest visits ahead. Answers whether it was assigned.
	 */
	public boolean assign(UUID id) {
		HomeVisit visit = find(id).orElseThrow(() -> DomainException.notFound("home visit"));
		List<ServicePoints.ServicePoint> candidates = points.points().stream()
			.filter(p -> p.level() == ServicePoints.Level.TOWNSHIP && visit.townshipCode().equals(p.townshipCode()))
			.toList();
		for (List<ServicePoints.ServicePoint> level : List.of(candidates,
				points.points().stream().filter(p -> p.level() == ServicePoints.Level.DISTRICT).toList())) {
			for (ServicePoints.ServicePoint point : level) {
				Optional<UUID> staff = points.windows(point.id()).stream()
					.flatMap(w -> windowStaff.staffOf(w.id()).stream())
					.distinct()
					.min(Comparator.comparingInt(this::ahead));
				if (staff.isPresent()) {
					String name = identity.account(staff.get()).map(AccountSummary::displayName).orElse("");
					moves.move(id, HomeVisitStatus.REQUESTED, HomeVisitStatus.ASSIGNED,
							new AssistEvents.HomeVisitAssigned(id, staff.get(), point.id()), "hall-home-visit-moved",
							"point_id = ?, assigned_account_id = ?, assigned_name = ?, assigned_at = ?", point.id(), staff.get(),
							name.isEmpty() ? null : name, now());
					return true;
				}
			}
		}
		return false;
	}

	/** Visits assigned to the staff member still ahead of them. */
	private int ahead(UUID staffId) {
		return jdbc.sql("select count(*) from hall_home_visit where assigned_account_id = ? and status = 'ASSIGNED'")
			.param(staffId)
			.query(Integer.class)
			.single();
	}

	private static final String SELECT = """
			select id, person_account_id, person_name, id_number_enc, phone_enc, address_enc, township_code, item_code, reason, channel,
			  requested_by_id, requested_by_name, status, point_id, assigned_account_id, assigned_name, identity_checked_at, case_id,
			  visited_at, notes, confirmed_at, rating_visit_id, cancel_reason, requested_at, assigned_at
			from hall_home_visit""";

	private List<HomeVisit> query(String where, Object... params) {
		return jdbc.sql(SELECT + " " + where).params(params).query((rs, n) -> new HomeVisit(rs.getObject("id", UUID.class),
				rs.getObject("person_account_id", UUID.class), rs.getString("person_name"),
				Masking.idNumber(keys.decrypt(rs.getString("id_number_enc"))), Masking.mobile(keys.decrypt(rs.getString("phone_enc"))),
				Masking.address(keys.decrypt(rs.getString("address_enc"))), rs.getString("township_code"), rs.getString("item_code"),
				Reason.valueOf(rs.getString("reason")), RequestChannel.valueOf(rs.getString("channel")),
				rs.getObject("requested_by_id", UUID.class), rs.getString("requested_by_name"),
				HomeVisitStatus.valueOf(rs.getString("status")), rs.getObject("point_id", UUID.class),
				rs.getObject("assigned_account_id", UUID.class), rs.getString("assigned_name"), instant(rs.getTimestamp("identity_checked_at")),
				rs.getObject("case_id", UUID.class), instant(rs.getTimestamp("visited_at")), rs.getString("notes"),
				instant(rs.getTimestamp("confirmed_at")), rs.getObject("rating_visit_id", UUID.class), rs.getString("cancel_reason"),
				instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("assigned_at")))).list();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	Optional<HomeVisit> find(UUID id) {
		return query("where id = ?", id).stream().findFirst();
	}

	/** The visits a citizen asked for or that are for them (as themself or as a proxy), newest first. */
	@Transactional(readOnly = true)
	public List<HomeVisit> ofCitizen(UUID accountId) {
		return query("where requested_by_id = ? or person_account_id = ? order by requested_at desc", accountId, accountId);
	}

	/** One of the citizen's visits (asked by them or for them); anyone else's is not found. */
	@Transactional(readOnly = true)
	public HomeVisit forCitizen(UUID accountId, UUID id) {
		return find(id).filter(v -> accountId.equals(v.requestedById()) || accountId.equals(v.personAccountId()))
			.orElseThrow(() -> DomainException.notFound("home visit"));
	}

	/** The visits assigned to the staff member and those they asked for (a community worker), newest first. */
	@Transactional(readOnly = true)
	public List<HomeVisit> ofStaff(StaffMember staff) {
		return query("where assigned_account_id = ? or requested_by_id = ? order by requested_at desc", staff.id(), staff.id());
	}

	/** A visit assigned to the staff member or asked for by them; anyone else's is not found. */
	@Transactional(readOnly = true)
	public HomeVisit forStaff(StaffMember staff, UUID id) {
		return find(id).filter(v -> staff.id().equals(v.assignedAccountId()) || staff.id().equals(v.requestedById()))
			.orElseThrow(() -> DomainException.notFound("home visit"));
	}

	/** The visit as its assigned staff member handles it; not found for anyone else. */
	HomeVisit assignedTo(StaffMember staff, UUID id) {
		return find(id).filter(v -> staff.id().equals(v.assignedAccountId())).orElseThrow(() -> DomainException.notFound("home visit"));
	}

	/** The person's data in clear for the assigned staff member; the read is recorded. */
	public Person person(StaffMember staff, UUID id) {
		assignedTo(staff, id);
		audit.record(AuditTrail.DATA_READ, "staff:" + staff.id(), "home-visit:" + id, "上门服务：查看身份证号、电话、地址");
		return jdbc.sql("select person_name, id_number_enc, phone_enc, address_enc from hall_home_visit where id = ?").param(id)
			.query((rs, n) -> new Person(rs.getString("person_name"), keys.decrypt(rs.getString("id_number_enc")),
					keys.decrypt(rs.getString("phone_enc")), keys.decrypt(rs.getString("address_enc"))))
			.single();
	}

	/** Cancels a visit still ahead: by whoever asked for it, the person, or the assigned staff member. */
	public void cancel(UUID accountId, UUID id, String reason) {
		HomeVisit v = find(id).filter(x -> accountId.equals(x.requestedById()) || accountId.equals(x.personAccountId())
				|| accountId.equals(x.assignedAccountId())).orElseThrow(() -> DomainException.notFound("home visit"));
		String why = reason == null || reason.isBlank() ? "" : reason.strip();
		if (why.length() > 200 || (!why.isEmpty() && AssistText.problem(why, 200).isPresent())) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-assist-text", "hall.assist.error.text.long");
		}
		moves.move(id, v.status(), HomeVisitStatus.CANCELLED, new AssistEvents.HomeVisitCancelled(id), "hall-home-visit-moved",
				"cancel_reason = ?", why.isEmpty() ? null : why);
		audit.record(AUDIT, "account:" + accountId, "home-visit:" + id, "取消上门服务");
	}
}
