package tongban.casework.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseSummary;
import tongban.casework.CaseView;
import tongban.casework.Deferred;
import tongban.casework.EventView;
import tongban.casework.Filing;
import tongban.casework.MaterialView;
import tongban.casework.Notice;
import tongban.casework.PauseView;
import tongban.casework.SupplementView;
import tongban.casework.Verified;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;

/**
 * The case row and what hangs on it (materials, history, supplements, pauses), in the casework tables. Every status
 * change is one guarded {@code UPDATE … WHERE status = :from}: a case that moved on meanwhile is a conflict, never a
 * silent overwrite. Form values are kept encrypted (they carry ID numbers, phone numbers and addresses).
 */
@Repository
public class CaseRepository {

	/**
	 * The condition that keeps a query of a party's cases to the items the actor's grant covers (two parameters: whether
	 * the scope is full, its item names): a proxy for 社会保障卡申领 does not see the principal's other cases.
	 */
	private static final String IN_SCOPE = " and (? or item_name = any(?))";

	private static final String VIEW_COLUMNS = """
			select id, case_number, item_code, item_version, item_name, department_code, status, form_values,
			       promised_date, submitted_at, party_name, applicant_name, lock_version, submit_token, acceptance_no, accepted_at,
			       applicant_account_id, extension_days
			from casework_case""";

	private static final String SUMMARY_COLUMNS = "select id, case_number, item_name, status, updated_at, promised_date from casework_case";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;

	CaseRepository(JdbcClient jdbc, JsonMapper json, DataKeys keys) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
	}

	// ---- reading ----

	/** One of the actor's party's cases within the actor's scope; without history, supplements and pauses unless {@code full}. */
	public Optional<CaseView> find(Actor actor, UUID id, boolean full) {
		return jdbc.sql(VIEW_COLUMNS + " where id = ? and party_id = ?" + IN_SCOPE)
			.params(id, actor.party().id(), actor.scope().full(), actor.scope().itemNameArray())
			.query((rs, n) -> view(rs, id, full))
			.optional();
	}

	/** Any case, in full. */
	public Optional<CaseView> find(UUID id) {
		return jdbc.sql(VIEW_COLUMNS + " where id = ?").param(id).query((rs, n) -> view(rs, id, true)).optional();
	}

	public Optional<Case> load(UUID id) {
		return find(id).map(Case::of);
	}

	public Optional<Case> load(Actor actor, UUID id) {
		return find(actor, id, true).map(Case::of);
	}

	/** The party's open draft of the item outside any bundle. */
	public Optional<UUID> openDraft(UUID partyId, String itemCode) {
		return jdbc.sql("select id from casework_case where party_id = ? and item_code = ? and status = ? and bundle_id is null")
			.params(partyId, itemCode, CaseStatus.DRAFT.name())
			.query(UUID.class)
			.optional();
	}

	public List<CaseSummary> mine(Actor actor) {
		return jdbc.sql(SUMMARY_COLUMNS + " where party_id = ?" + IN_SCOPE + " order by updated_at desc limit 200")
			.params(actor.party().id(), actor.scope().full(), actor.scope().itemNameArray())
			.query(CaseSummary.class)
			.list();
	}

	/** The bundle's cases in the order of {@code itemOrder} (item codes); cases of items not in it last. */
	public List<CaseSummary> ofBundle(UUID bundleId, List<String> itemOrder) {
		return jdbc.sql(SUMMARY_COLUMNS + " where bundle_id = ? order by array_position(?::text[], item_code::text) nulls last, created_at, item_code")
			.params(bundleId, itemOrder.toArray(String[]::new))
			.query(CaseSummary.class)
			.list();
	}

	public Optional<Notice> notice(UUID id) {
		return jdbc.sql("select applicant_account_id, item_name, case_number, promised_date from casework_case where id = ?")
			.param(id)
			.query(Notice.class)
			.optional();
	}

	public Optional<Filing> filing(UUID id) {
		return jdbc.sql("select item_code, department_code, region_code, party_kind, party_id, party_name, form_values as v, "
				+ "applicant_account_id from casework_case where id = ?")
			.param(id)
			.query((rs, n) -> new Filing(CaseId.of(id), rs.getString("item_code"), rs.getString("department_code"),
					rs.getString("region_code"), new Party(Party.Kind.valueOf(rs.getString("party_kind")), rs.getObject("party_id", UUID.class),
							rs.getString("party_name")), values(rs.getString("v")), rs.getObject("applicant_account_id", UUID.class)))
			.optional();
	}

	/** Accepted cases not yet concluded whose region code starts with the prefix, the soonest promised first. */
	public List<UUID> underway(String regionPrefix) {
		String[] statuses = { CaseStatus.ACCEPTED.name(), CaseStatus.IN_REVIEW.name(), CaseStatus.APPROVED.name() };
		return jdbc.sql("select id from casework_case where status = any(?) and accepted_at is not null "
				+ "and region_code like ? order by promised_date limit 2000")
			.params(statuses, regionPrefix.replace("%", "").replace("_", "") + "%")
			.query(UUID.class)
			.list();
	}

	/** Decisions (准予 or 不予) a department took between two days, counted per item version: the annual report's reads. */
	public record DecisionCount(String itemCode, int itemVersion, long decisions) {
	}

	public List<DecisionCount> decisions(String departmentCode, OffsetDateTime from, OffsetDateTime until) {
		return jdbc.sql("select c.item_code, c.item_version, count(*) as decisions from casework_event e join casework_case c on c.id = e.case_id "
				+ "where c.department_code = ? and e.action in ('APPROVED', 'DENIED') and e.at >= ? and e.at < ? group by 1, 2")
			.params(departmentCode, from, until)
			.query(DecisionCount.class)
			.list();
	}

	/** The materials promised at a counter (容缺后补) of a case, by material index. */
	public List<Deferred> deferred(UUID id) {
		return jdbc.sql("select material_index, material_name, promised_by, recorded_by, delivered_at, delivered_by from casework_deferred "
				+ "where case_id = ? order by material_index")
			.param(id)
			.query(Deferred.class)
			.list();
	}

	/** The fields of a case filled from registers (免提交) or from the applicant's account, by form key. */
	public Map<String, Verified> provenance(UUID id) {
		String text = jdbc.sql("select provenance::text from casework_case where id = ?").param(id).query(String.class).optional().orElse("{}");
		return json.readValue(text, new TypeReference<LinkedHashMap<String, Verified>>() {
		});
	}

	private CaseView view(ResultSet rs, UUID id, boolean full) throws SQLException {
		return new CaseView(CaseId.of(rs.getObject("id", UUID.class)), rs.getString("case_number"), rs.getString("item_code"),
				rs.getInt("item_version"), rs.getString("item_name"), rs.getString("department_code"),
				CaseStatus.valueOf(rs.getString("status")), values(rs.getString("form_values")), materials(id),
				full ? history(id) : List.of(), rs.getObject("promised_date", LocalDate.class),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("party_name"), rs.getString("applicant_name"),
				rs.getLong("lock_version"), rs.getObject("submit_token", UUID.class), rs.getString("acceptance_no"),
				rs.getObject("accepted_at", OffsetDateTime.class), full ? supplements(id) : List.of(),
				rs.getObject("applicant_account_id", UUID.class), full ? pauses(id) : List.of(), rs.getInt("extension_days"));
	}

	private List<MaterialView> materials(UUID id) {
		return jdbc.sql("select material_index as index, material_name as name, file_id, sha256, size, content_type, original_name, "
				+ "trust_level, licence_identifier from casework_material where case_id = ? order by material_index")
			.param(id)
			.query(MaterialView.class)
			.list();
	}

	private List<EventView> history(UUID id) {
		return jdbc.sql("select at, action, actor_name, party_name, note from casework_event where case_id = ? order by id")
			.param(id)
			.query(EventView.class)
			.list();
	}

	private List<SupplementView> supplements(UUID id) {
		return jdbc.sql("select material_index, material_name, reason, requested_at, resolved_at from casework_supplement "
				+ "where case_id = ? order by id")
			.param(id)
			.query(SupplementView.class)
			.list();
	}

	private List<PauseView> pauses(UUID id) {
		return jdbc.sql("select kind, reason, started_on, ended_on, result from casework_pause where case_id = ? order by id")
			.param(id)
			.query(PauseView.class)
			.list();
	}

	// ---- writing ----

	/** A new draft, as its filing says. */
	public void insertDraft(NewDraft draft) {
		jdbc.sql("""
				insert into casework_case (id, item_code, item_version, item_name, department_code, region_code,
				  applicant_account_id, applicant_name, party_kind, party_id, party_name, status, submit_token, channel, bundle_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(draft.id(), draft.itemCode(), draft.itemVersion(), draft.itemName(), draft.departmentCode(), draft.regionCode(),
					draft.applicantAccountId(), draft.applicantName(), draft.party().kind().name(), draft.party().id(), draft.party().name(),
					CaseStatus.DRAFT.name(), UUID.randomUUID(), draft.channel(), draft.bundleId())
			.update();
	}

	/** What a new draft is filed as. */
	public record NewDraft(UUID id, String itemCode, int itemVersion, String itemName, String departmentCode, String regionCode,
			UUID applicantAccountId, String applicantName, Party party, String channel, UUID bundleId) {
	}

	/**
	 * Writes the status change and the columns with it, if the case is still in the change's {@code from} status; a
	 * case that moved on meanwhile is a conflict ({@code case-state}).
	 */
	public void move(StatusChange change, Columns columns) {
		var statement = jdbc.sql("update casework_case set status = :to" + columns.sql()
				+ ", updated_at = now(), lock_version = lock_version + 1 where id = :id and status = :from")
			.param("to", change.to().name())
			.param("id", change.caseId())
			.param("from", change.from().name());
		for (Map.Entry<String, Object> p : columns.params().entrySet()) {
			statement = statement.param(p.getKey(), p.getValue());
		}
		if (statement.update() == 0) {
			throw stale(change);
		}
	}

	/**
	 * The submission's move: numbered by region + day + a serial from a sequence (V15), which no other submission waits
	 * for. Answers the case number.
	 */
	public String submit(StatusChange change, Instant at, LocalDate promised, Map<String, ?> values, Map<String, Verified> provenance,
			String day) {
		return jdbc.sql("""
				update casework_case set status = :to, submitted_at = :at, promised_date = :promised, form_values = :values,
				  provenance = :provenance::jsonb,
				  case_number = region_code || :day || lpad(nextval('casework_case_serial')::text, 6, '0'),
				  updated_at = now(), lock_version = lock_version + 1 where id = :id and status = :from returning case_number""")
			.param("to", change.to().name())
			.param("at", Timestamp.from(at))
			.param("promised", promised)
			.param("values", stored(values))
			.param("provenance", json.writeValueAsString(provenance))
			.param("day", day)
			.param("id", change.caseId())
			.param("from", change.from().name())
			.query(String.class)
			.optional()
			.orElseThrow(() -> stale(change));
	}

	private static DomainException stale(StatusChange change) {
		return Case.conflict("the case is no longer " + change.from() + ": moved on concurrently");
	}

	/**
	 * Writes a draft's form (and, when given, its verified fields) if nobody saved it since {@code lockVersion};
	 * a stale version is a conflict.
	 */
	public void writeForm(UUID id, long lockVersion, Map<String, ?> values, Map<String, Verified> provenance) {
		int updated = jdbc.sql("update casework_case set form_values = ?, provenance = coalesce(?::jsonb, provenance), updated_at = now(), "
				+ "lock_version = lock_version + 1 where id = ? and lock_version = ?")
			.params(stored(values), provenance == null ? null : json.writeValueAsString(provenance), id, lockVersion)
			.update();
		if (updated == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-concurrent", "saved by someone else");
		}
	}

	/** The form of a draft nobody has seen yet (part of creating it). */
	public void writeNewForm(UUID id, Map<String, ?> values, Map<String, Verified> provenance) {
		jdbc.sql("update casework_case set form_values = ?, provenance = ?::jsonb where id = ?")
			.params(stored(values), json.writeValueAsString(provenance), id)
			.update();
	}

	public void promise(UUID id, LocalDate promisedDate) {
		jdbc.sql("update casework_case set promised_date = ? where id = ?").params(promisedDate, id).update();
	}

	/** A line of the case's history. */
	public void record(UUID id, String action, String actorName, String partyName, String note) {
		jdbc.sql("insert into casework_event (case_id, action, actor_name, party_name, note) values (?, ?, ?, ?, ?)")
			.params(id, action, actorName, partyName, note)
			.update();
	}

	/** Puts a file in a case as the given material, in place of any earlier file for it. */
	public void putMaterial(UUID id, int index, String name, StoredFile file, String trustLevel, String licenceIdentifier) {
		jdbc.sql("delete from casework_material where case_id = ? and material_index = ?").params(id, index).update();
		jdbc.sql("""
				insert into casework_material (id, case_id, material_index, material_name, file_id, sha256, size, content_type, original_name,
				  trust_level, licence_identifier)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id, index, name, file.fileId(), file.sha256(), file.size(), file.contentType(), file.name(),
					trustLevel, licenceIdentifier)
			.update();
	}

	/** A material asked for again (补正) with its reason. */
	public void requestSupplement(UUID id, int index, String materialName, String reason, String staffName) {
		jdbc.sql("insert into casework_supplement (case_id, material_index, material_name, reason, requested_by) values (?, ?, ?, ?, ?)")
			.params(id, index, materialName, reason, staffName)
			.update();
	}

	/** Every open supplement request of the case is answered. */
	public void resolveSupplements(UUID id) {
		jdbc.sql("update casework_supplement set resolved_at = now() where case_id = ? and resolved_at is null").param(id).update();
	}

	/** Removes a material taken from the wallet (the applicant took back the choice). */
	public void removeLicenceMaterial(UUID id, int index) {
		jdbc.sql("delete from casework_material where case_id = ? and material_index = ? and licence_identifier is not null")
			.params(id, index)
			.update();
	}

	/**
	 * The next number of a series (acceptance notices per department and year), gapless: the counter row stays
	 * locked until the calling transaction commits, so callers take it as their last step.
	 */
	public int nextNumber(String series, LocalDate day) {
		return jdbc.sql("""
				insert into casework_number (region_code, day, last) values (?, ?, 1)
				on conflict (region_code, day) do update set last = casework_number.last + 1 returning last""")
			.params(series, day)
			.query(Integer.class)
			.single();
	}

	/** The form values as stored: encrypted. */
	private String stored(Map<String, ?> values) {
		return keys.encrypt(json.writeValueAsString(values));
	}

	private Map<String, Object> values(String stored) {
		return stored == null ? Map.of() : json.readValue(keys.decrypt(stored), new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}
}
