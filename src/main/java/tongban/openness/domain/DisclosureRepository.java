package tongban.openness.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tongban.openness.Disclosure;
import tongban.openness.DisclosureView;
import tongban.shared.DataKeys;
import tongban.shared.GuardedMoves;

/** The rows of requests for government information, their steps, files and remedies (JdbcClient, ADR 0017). */
@Repository
public class DisclosureRepository {

	public static final String TABLE = "openness_disclosure_request";

	/** One request row as stored. */
	public record Row(UUID id, String number, String departmentCode, UUID applicantAccountId, String applicantName, String partyKind,
			UUID partyId, String partyName, Disclosure.Applicant applicantCategory, String description, Disclosure.Form preferredForm,
			String delivery, String purpose, Disclosure.Status status, OffsetDateTime receivedAt, LocalDate receivedOn, LocalDate dueOn,
			LocalDate supplementRequestedOn, String supplementNote, LocalDate supplementDue, LocalDate supplementAnsweredOn,
			String supplementAnswer, String consultationParty, LocalDate consultationStartedOn, LocalDate consultationEndedOn,
			String consultationResult, Disclosure.Extension extensionState, int extensionDays, String extensionReason,
			String extensionRequestedBy, String extensionDecidedBy, Disclosure.Outcome outcome, String outcomeNote, LocalDate concludedOn) {

		public DisclosureClock clock() {
			return new DisclosureClock(receivedOn, supplementRequestedOn, supplementAnsweredOn, consultationStartedOn, consultationEndedOn,
					extensionState == Disclosure.Extension.APPROVED ? extensionDays : 0);
		}
	}

	/** A stored file's reference. */
	public record StoredFile(long id, String kind, String name, String fileId, String contentType) {
	}

	private final JdbcClient jdbc;
	private final GuardedMoves<Disclosure.Status> moves;
	private final DataKeys keys;

	DisclosureRepository(JdbcClient jdbc, ApplicationEventPublisher events, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.moves = new GuardedMoves<>(jdbc, events, DisclosureTransitions.GRAPH, TABLE);
	}

	/** The row with its delivery address decrypted. */
	private Row open(Row r) {
		return r.delivery() == null ? r : new Row(r.id(), r.number(), r.departmentCode(), r.applicantAccountId(), r.applicantName(), r.partyKind(),
				r.partyId(), r.partyName(), r.applicantCategory(), r.description(), r.preferredForm(), keys.decrypt(r.delivery()), r.purpose(),
				r.status(), r.receivedAt(), r.receivedOn(), r.dueOn(), r.supplementRequestedOn(), r.supplementNote(), r.supplementDue(),
				r.supplementAnsweredOn(), r.supplementAnswer(), r.consultationParty(), r.consultationStartedOn(), r.consultationEndedOn(),
				r.consultationResult(), r.extensionState(), r.extensionDays(), r.extensionReason(), r.extensionRequestedBy(), r.extensionDecidedBy(),
				r.outcome(), r.outcomeNote(), r.concludedOn());
	}

	private List<Row> open(List<Row> rows) {
		return rows.stream().map(this::open).toList();
	}

	/** The next number of the day: YSQ, the date, and a four-digit sequence (e.g. YSQ202610120001). */
	public String nextNumber(LocalDate day) {
		long seq = jdbc.sql("select nextval('openness_disclosure_number_seq')").query(Long.class).single();
		return "YSQ" + day.toString().replace("-", "") + String.format("%04d", seq % 10_000);
	}

	public void insert(Row r) {
		jdbc.sql("""
				insert into openness_disclosure_request (id, number, department_code, applicant_account_id, applicant_name, party_kind, party_id,
				  party_name, applicant_category, description, preferred_form, delivery, purpose, status, received_at, received_on, due_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.number(), r.departmentCode(), r.applicantAccountId(), r.applicantName(), r.partyKind(), r.partyId(), r.partyName(),
					r.applicantCategory().name(), r.description(), r.preferredForm().name(), r.delivery() == null || r.delivery().isEmpty() ? null
							: keys.encrypt(r.delivery()), r.purpose(), r.status().name(),
					r.receivedAt(), r.receivedOn(), r.dueOn())
			.update();
	}

	private static final String SELECT = "select * from " + TABLE + " ";

	public Optional<Row> byNumber(String number) {
		return jdbc.sql(SELECT + "where number = ?").param(number).query(Row.class).optional().map(this::open);
	}

	public Optional<Row> byId(UUID id) {
		return jdbc.sql(SELECT + "where id = ?").param(id).query(Row.class).optional().map(this::open);
	}

	/** A party's requests, the newest first. */
	public List<Row> ofParty(UUID partyId) {
		return open(jdbc.sql(SELECT + "where party_id = ? order by received_at desc limit 200").param(partyId).query(Row.class).list());
	}

	/** A department's requests: the open ones when {@code open}, else the concluded ones (newest first, at most 200). */
	public List<Row> ofDepartment(String departmentCode, boolean open) {
		return open(jdbc.sql(SELECT + "where department_code = ? and status " + (open ? "" : "not ") + "in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'CONSULTING') "
				+ "order by " + (open ? "due_on, received_at" : "concluded_on desc nulls last, received_at desc") + " limit 200")
			.param(departmentCode)
			.query(Row.class)
			.list());
	}

	/** Open requests of these departments. */
	public List<Row> openOf(Collection<String> departmentCodes) {
		if (departmentCodes.isEmpty()) {
			return List.of();
		}
		return open(jdbc.sql(SELECT + "where department_code in (:codes) and status in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'CONSULTING') order by due_on")
			.param("codes", departmentCodes)
			.query(Row.class)
			.list());
	}

	/** Requests waiting for a 补正 whose period ended before {@code today}. */
	public List<Row> supplementsOverdue(LocalDate today) {
		return open(jdbc.sql(SELECT + "where status = 'SUPPLEMENT_REQUESTED' and supplement_due < ?").param(today).query(Row.class).list());
	}

	/** A department's requests received up to {@code until} that were not concluded before {@code from} (the annual report). */
	public List<Row> forYear(String departmentCode, LocalDate from, LocalDate until) {
		return open(jdbc.sql(SELECT + "where department_code = ? and received_on <= ? and (concluded_on is null or concluded_on >= ?)")
			.params(departmentCode, until, from)
			.query(Row.class)
			.list());
	}

	/** The years in which a department received or concluded requests. */
	public List<Integer> years(String departmentCode) {
		return jdbc.sql("""
				select distinct y from (select extract(year from received_on)::int as y from openness_disclosure_request where department_code = ?
				union select extract(year from concluded_on)::int from openness_disclosure_request where department_code = ? and concluded_on is not null) t
				order by y desc""")
			.params(departmentCode, departmentCode)
			.query(Integer.class)
			.list();
	}

	/** Moves along the graph, setting {@code changes} in the same guarded update, and publishes the edge's event. */
	public void move(UUID id, Disclosure.Status from, Disclosure.Status to, Object event, String changes, Object... params) {
		moves.move(id, from, to, event, DisclosureTransitions.CONFLICT_CODE, changes, params);
	}

	/** Changes columns of a request still at {@code status} ({@code changes} as SQL with ? parameters); false when it moved on. */
	public boolean update(UUID id, Collection<Disclosure.Status> status, String changes, Object... params) {
		List<Object> all = new ArrayList<>(List.of(params));
		all.add(id);
		all.add(status.stream().map(Enum::name).toArray(String[]::new));
		return jdbc.sql("update " + TABLE + " set " + changes + ", updated_at = now() where id = ? and status = any(?)").params(all).update() == 1;
	}

	public void setDue(UUID id, LocalDate due) {
		jdbc.sql("update " + TABLE + " set due_on = ? where id = ?").params(due, id).update();
	}

	public void step(UUID id, OffsetDateTime at, String action, String actorName, String note) {
		jdbc.sql("insert into openness_disclosure_step (request_id, at, action, actor_name, note) values (?, ?, ?, ?, ?)")
			.params(id, at, action, actorName, note)
			.update();
	}

	public List<DisclosureView.Step> steps(UUID id) {
		return jdbc.sql("select at, action, actor_name, note from openness_disclosure_step where request_id = ? order by id")
			.param(id)
			.query(DisclosureView.Step.class)
			.list();
	}

	public void file(UUID id, String kind, String name, String fileId, String sha256, String contentType, OffsetDateTime at) {
		jdbc.sql("insert into openness_disclosure_file (request_id, kind, name, file_id, sha256, content_type, created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, kind, name, fileId, sha256, contentType, at)
			.update();
	}

	public List<DisclosureView.File> files(UUID id) {
		return jdbc.sql("select id, kind, name, content_type, created_at from openness_disclosure_file where request_id = ? order by id")
			.param(id)
			.query(DisclosureView.File.class)
			.list();
	}

	public Optional<StoredFile> storedFile(UUID requestId, long fileId) {
		return jdbc.sql("select id, kind, name, file_id, content_type from openness_disclosure_file where request_id = ? and id = ?")
			.params(requestId, fileId)
			.query(StoredFile.class)
			.optional();
	}

	public void addRemedy(UUID id, Disclosure.RemedyKind kind, Disclosure.RemedyResult result, LocalDate filedOn, String by) {
		jdbc.sql("insert into openness_disclosure_remedy (request_id, kind, result, filed_on, recorded_by) values (?, ?, ?, ?, ?)")
			.params(id, kind.name(), result.name(), filedOn, by)
			.update();
	}

	public boolean updateRemedy(UUID id, long remedyId, Disclosure.RemedyResult result, String by) {
		return jdbc.sql("update openness_disclosure_remedy set result = ?, recorded_by = ?, updated_at = now() where id = ? and request_id = ?")
			.params(result.name(), by, remedyId, id)
			.update() == 1;
	}

	public List<DisclosureView.Remedy> remedies(UUID id) {
		return jdbc.sql("select id, kind, result, filed_on from openness_disclosure_remedy where request_id = ? order by id")
			.param(id)
			.query(DisclosureView.Remedy.class)
			.list();
	}

	/** A department's remedies filed in a year, with their kind and result (section 四). */
	public List<DisclosureView.Remedy> remediesFiled(String departmentCode, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				select m.id, m.kind, m.result, m.filed_on from openness_disclosure_remedy m join openness_disclosure_request r on r.id = m.request_id
				where r.department_code = ? and m.filed_on between ? and ?""")
			.params(departmentCode, from, until)
			.query(DisclosureView.Remedy.class)
			.list();
	}
}
