package tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.internal.PromisedDates;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.UploadCheck;
import tongban.shared.WorkingCalendars;

/**
 * Applying for a published item: a draft keeps whatever was typed (valid or not) and can be resumed on any device by
 * the party it is for; submission checks the item's form with {@link FormValidation} and the required materials,
 * assigns the case number and promised date, and publishes {@link CaseSubmitted}. Every case is visible only to its
 * party (the citizen, or the company an agent acts for); anything else is "not found".
 */
@Service
@Transactional
public class CaseManagement {

	public static final long MAX_FILE = 10L * 1024 * 1024;
	static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	public enum Status {
		DRAFT, SUBMITTED, SUPPLEMENT_REQUESTED, ACCEPTED, IN_REVIEW, APPROVED, DENIED, REFUSED, CONCLUDED, WITHDRAWN;

		/** Before any decision the applicant may withdraw. */
		public boolean withdrawable() {
			return this == SUBMITTED || this == SUPPLEMENT_REQUESTED || this == ACCEPTED || this == IN_REVIEW;
		}
	}

	public record PauseView(String kind, String reason, LocalDate startedOn, LocalDate endedOn, String result) {
	}

	/** Special procedures: 行政许可法 Art. 45. */
	public static final List<String> SPECIAL_PROCEDURES = List.of("听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审");

	public static final int MAX_EXTENSION = 10;

	public record SupplementView(int materialIndex, String materialName, String reason, OffsetDateTime requestedAt,
			OffsetDateTime resolvedAt) {
	}

	/** An uploaded file as received. */
	public record Upload(String name, byte[] bytes) {
	}

	/** A problem with the application: the path of a form field or {@code material.<index>}, a message key, arguments. */
	public record Problem(String path, String code, List<Object> args) {

		/** A problem of an uploaded file itself (size, type, unreadable or active content), reported even on a draft save. */
		public boolean aboutFile() {
			return code.startsWith("case.error.file") || code.startsWith("upload.error");
		}

		/**
		 * A refused change to a value the applicant may not change (one taken from a register, or from the account), also
		 * reported on a draft save: the saved draft kept the old value, so the page must say why.
		 */
		public boolean aboutLockedValue() {
			return code.equals("case.error.verified") || code.equals("case.error.fromAccount");
		}
	}

	/** A material of a case; trust level A when taken from the applicant's wallet (then the licence's identifier). */
	public record MaterialView(int index, String name, String fileId, String sha256, long size, String contentType,
			String originalName, String trustLevel, String licenceIdentifier) {

		public boolean fromLicence() {
			return licenceIdentifier != null;
		}
	}

	public record EventView(OffsetDateTime at, String action, String actorName, String partyName, String note) {
	}

	public record CaseView(UUID id, String caseNumber, String itemCode, int itemVersion, String itemName,
			String departmentCode, Status status, Map<String, Object> values, List<MaterialView> materials,
			List<EventView> events, LocalDate promisedDate, OffsetDateTime submittedAt, String partyName,
			String applicantName, long lockVersion, UUID submitToken, String acceptanceNo, OffsetDateTime acceptedAt,
			List<SupplementView> supplements, UUID applicantAccountId, List<PauseView> pauses, int extensionDays) {

		/** Materials asked for in the open supplement request. */
		public List<SupplementView> openSupplements() {
			return supplements.stream().filter(x -> x.resolvedAt() == null).toList();
		}
	}

	public record CaseSummary(UUID id, String caseNumber, String itemName, String status, OffsetDateTime updatedAt,
			LocalDate promisedDate) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CatalogManagement catalog;
	private final FormValidation validation;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final FileStore files;
	private final ApplicationEventPublisher events;
	private final org.springframework.beans.factory.ObjectProvider<LicenceWallet> wallet;

	private final tongban.identity.IdentityManagement identity;
	private final tongban.shared.DataKeys keys;
	private final tongban.exchange.ConsentedPrefill exchange;
	private final tongban.audit.AuditTrail audit;
	private final ApplicantIdentity applicant;

	CaseManagement(ApplicantIdentity applicant, JdbcClient jdbc, JsonMapper json, CatalogManagement catalog, FormValidation validation,
			DirectoryManagement directory, WorkingCalendars calendars, FileStore files, ApplicationEventPublisher events,
			tongban.identity.IdentityManagement identity, org.springframework.beans.factory.ObjectProvider<LicenceWallet> wallet,
			tongban.shared.DataKeys keys, tongban.exchange.ConsentedPrefill exchange, tongban.audit.AuditTrail audit) {
		this.applicant = applicant;
		this.keys = keys;
		this.exchange = exchange;
		this.audit = audit;
		this.identity = identity;
		this.wallet = wallet;
		this.jdbc = jdbc;
		this.json = json;
		this.catalog = catalog;
		this.validation = validation;
		this.directory = directory;
		this.calendars = calendars;
		this.files = files;
		this.events = events;
	}

	/** The party's open draft for the item, or a new one filed under the item's current published version. */
	public UUID startDraft(Actor a, String itemCode) {
		return startDraft(a, itemCode, "ONLINE");
	}

	/**
	 * As {@link #startDraft(Actor, String)}, started on a channel: ONLINE, or COUNTER when a clerk serves the person
	 * at a window (一窗受理). A draft started on one channel continues on the other.
	 */
	public UUID startDraft(Actor a, String itemCode, String channel) {
		applicable(a, itemCode);
		Optional<UUID> open = jdbc.sql("select id from casework_case where party_id = ? and item_code = ? and status = 'DRAFT' "
				+ "and bundle_id is null")
			.params(a.party().id(), itemCode)
			.query(UUID.class)
			.optional();
		if (open.isPresent()) {
			return open.get();
		}
		return createDraft(a, itemCode, channel, null);
	}

	/** The published item if the actor may apply for it for the party (within a proxy's or agent's grant); else refused. */
	private PublishedItem applicable(Actor a, String itemCode) {
		PublishedItem item = catalog.published(itemCode).orElseThrow(() -> DomainException.notFound("item"));
		if (!serves(item.guide(), a.party())) {
			// 法人 items are applied for by a company's representative or agent, acting for the company
			throw new DomainException(DomainException.Kind.FORBIDDEN, "served-party", "the item is not for a " + a.party().kind());
		}
		if (!a.covers(item.guide().name()) || !identity.mayApply(a.accountId(), a.party(), item.guide().name())) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "scope", "the grant does not cover " + item.guide().name());
		}
		return item;
	}

	/** Whether the party may be the applicant of the item: a company for 法人 items, a citizen for items of 自然人. */
	public static boolean serves(ServiceGuide g, Party party) {
		return g.serves(party.kind() == Party.Kind.LEGAL_PERSON);
	}

	private UUID createDraft(Actor a, String itemCode, String channel, UUID bundleId) {
		PublishedItem item = applicable(a, itemCode);
		String region = directory.departmentByCode(item.guide().department()).map(d -> d.regionCode()).orElse("330106");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into casework_case (id, item_code, item_version, item_name, department_code, region_code,
				  applicant_account_id, applicant_name, party_kind, party_id, party_name, status, submit_token, channel, bundle_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
			.params(id, itemCode, item.version(), item.guide().name(), item.guide().department(),
					region.length() > 6 ? region.substring(0, 6) : region, a.accountId(), "COUNTER".equals(channel) ? a.party().name() : a.accountName(), a.party().kind().name(),
					a.party().id(), a.party().name(), UUID.randomUUID(), "COUNTER".equals(channel) ? "COUNTER" : "ONLINE", bundleId)
			.update();
		// the applicant's own name, ID number and phone come from the account of the citizen it is for
		var bound = applicant.bind(a.party(), item.guide().applicationForm(), Map.of(), Map.of(), null, (field, value) -> verifiedMac(id, field, value));
		if (!bound.provenance().isEmpty()) {
			// part of creating the draft: nobody has seen version 0 yet
			jdbc.sql("update casework_case set form_values = ?, provenance = ?::jsonb where id = ?")
				.params(stored(bound.values()), json.writeValueAsString(bound.provenance()), id)
				.update();
		}
		event(id, a, "COUNTER".equals(channel) ? "COUNTER_STARTED" : "DRAFT_STARTED", null);
		return id;
	}

	/**
	 * The condition that keeps a query of a party's cases to the items the actor's grant covers (two parameters: whether
	 * the scope is full, its item names): a proxy for 社会保障卡申领 does not see the principal's other cases.
	 */
	private static final String IN_SCOPE = " and (? or item_name = any(?))";

	@Transactional(readOnly = true)
	public Optional<CaseView> find(Actor a, UUID id) {
		return find(a, id, true);
	}

	/** As {@link #find(Actor, UUID)}; without history, supplements and pauses when {@code full} is false. */
	private Optional<CaseView> find(Actor a, UUID id, boolean full) {
		return jdbc.sql("""
				select id, case_number, item_code, item_version, item_name, department_code, status, form_values,
				       promised_date, submitted_at, party_name, applicant_name, lock_version, submit_token, acceptance_no, accepted_at,
				       applicant_account_id, extension_days
				from casework_case where id = ? and party_id = ?""" + IN_SCOPE)
			.params(id, a.party().id(), a.scope().full(), a.scope().itemNameArray())
			.query((rs, n) -> view(rs, id, full))
			.optional();
	}

	/** What a notice to the applicant names: one light read, for the notification listeners. */
	public record Notice(UUID applicantAccountId, String itemName, String caseNumber, LocalDate promisedDate) {
	}

	@Transactional(readOnly = true)
	public Optional<Notice> notice(UUID id) {
		return jdbc.sql("select applicant_account_id, item_name, case_number, promised_date from casework_case where id = ?")
			.param(id)
			.query(Notice.class)
			.optional();
	}

	/** Who a case is filed for and what it says: what a licence issued on its approval is made from. */
	public record Filing(UUID id, String itemCode, String departmentCode, String regionCode, tongban.identity.Party party,
			Map<String, Object> values, UUID applicantAccountId) {
	}

	@Transactional(readOnly = true)
	public Optional<Filing> filing(UUID id) {
		return jdbc.sql("select item_code, department_code, region_code, party_kind, party_id, party_name, form_values as v, "
				+ "applicant_account_id from casework_case where id = ?")
			.param(id)
			.query((rs, n) -> new Filing(id, rs.getString("item_code"), rs.getString("department_code"), rs.getString("region_code"),
					new tongban.identity.Party(tongban.identity.Party.Kind.valueOf(rs.getString("party_kind")), rs.getObject("party_id", UUID.class),
							rs.getString("party_name")), values(rs.getString("v")), rs.getObject("applicant_account_id", UUID.class)))
			.optional();
	}

	/** Whether the applicant chose to receive the result by post (a 领取方式 such as 免费邮寄). */
	public static boolean byPost(CaseView c) {
		Object delivery = c.values() == null ? null : c.values().get("delivery");
		return delivery != null && delivery.toString().contains("邮寄");
	}

	/** Any case, for the approval module (which checks the staff member's authority first). */
	@Transactional(readOnly = true)
	public Optional<CaseView> forStaff(UUID id) {
		return jdbc.sql("""
				select id, case_number, item_code, item_version, item_name, department_code, status, form_values,
				       promised_date, submitted_at, party_name, applicant_name, lock_version, submit_token, acceptance_no, accepted_at,
				       applicant_account_id, extension_days
				from casework_case where id = ?""")
			.param(id)
			.query((rs, n) -> view(rs, id, true))
			.optional();
	}

	private CaseView view(java.sql.ResultSet rs, UUID id, boolean full) throws java.sql.SQLException {
		return new CaseView(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getString("item_code"),
					rs.getInt("item_version"), rs.getString("item_name"), rs.getString("department_code"),
					Status.valueOf(rs.getString("status")), values(rs.getString("form_values")), materials(id), full ? history(id) : List.of(),
					rs.getObject("promised_date", LocalDate.class), rs.getObject("submitted_at", OffsetDateTime.class),
					rs.getString("party_name"), rs.getString("applicant_name"), rs.getLong("lock_version"),
					rs.getObject("submit_token", UUID.class), rs.getString("acceptance_no"),
					rs.getObject("accepted_at", OffsetDateTime.class), full ? supplements(id) : List.of(),
				rs.getObject("applicant_account_id", UUID.class), full ? pauses(id) : List.of(), rs.getInt("extension_days"));
	}

	private List<PauseView> pauses(UUID id) {
		return jdbc.sql("select kind, reason, started_on, ended_on, result from casework_pause where case_id = ? order by id")
			.param(id)
			.query(PauseView.class)
			.list();
	}

	/**
	 * The case's clock once accepted: the promised limit in working days from acceptance, stopped by special
	 * procedures, moved by an extension. Empty before acceptance, for 即办件 and for limits in natural days.
	 */
	public Optional<tongban.shared.StatutoryClock> clock(CaseView c) {
		if (c.acceptedAt() == null) {
			return Optional.empty();
		}
		ServiceGuide g = guideOf(c);
		if (g.immediate() || !"WORKING_DAY".equals(g.limitUnit())) {
			return Optional.empty();
		}
		return Optional.of(new tongban.shared.StatutoryClock(c.acceptedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate(),
				g.promisedLimit(), c.pauses().stream().map(p -> new tongban.shared.StatutoryClock.Pause(p.startedOn(), p.endedOn())).toList(),
				c.extensionDays()));
	}

	/** 特别程序 starts: the clock stops from today; the applicant is told in writing. */
	public void startSpecialProcedure(UUID id, String staffName, String kind, String reason) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		underway(c);
		if (!SPECIAL_PROCEDURES.contains(kind) || reason == null || reason.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "special-invalid", "a kind of Art. 45 and a reason");
		}
		if (c.pauses().stream().anyMatch(p -> p.endedOn() == null)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "special-running", "a special procedure is running");
		}
		jdbc.sql("insert into casework_pause (case_id, kind, reason, started_on, started_by) values (?, ?, ?, ?, ?)")
			.params(id, kind, reason.strip(), LocalDate.now(Clocks.ZONE), staffName)
			.update();
		staffEvent(id, staffName, "SPECIAL_STARTED", kind + "：" + reason.strip());
		events.publishEvent(new CaseEvents.SpecialProcedureStarted(id, c.caseNumber(), kind, reason.strip()));
	}

	/** 特别程序 ends with its result: the clock runs again and the promised date moves by the days stopped. */
	public void endSpecialProcedure(UUID id, String staffName, String result) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.pauses().stream().noneMatch(p -> p.endedOn() == null)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "special-none", "no special procedure is running");
		}
		if (result == null || result.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "special-result", "the result is needed");
		}
		jdbc.sql("update casework_pause set ended_on = ?, result = ? where case_id = ? and ended_on is null")
			.params(LocalDate.now(Clocks.ZONE), result.strip(), id)
			.update();
		staffEvent(id, staffName, "SPECIAL_ENDED", result.strip());
		repromise(id);
	}

	/** One extension of at most 10 working days, approved by the head, with the reason told to the applicant. */
	public void extend(UUID id, String staffName, int days, String reason, String approvedBy) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		underway(c);
		if (days < 1 || days > MAX_EXTENSION || reason == null || reason.isBlank() || approvedBy == null || approvedBy.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "extension-invalid", "1 to 10 days, a reason and the approving head");
		}
		if (c.extensionDays() > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "extension-once", "the limit was extended already");
		}
		jdbc.sql("update casework_case set extension_days = ?, extension_reason = ?, extension_approved_by = ?, updated_at = now(), "
				+ "lock_version = lock_version + 1 where id = ?")
			.params(days, reason.strip(), approvedBy.strip(), id)
			.update();
		staffEvent(id, staffName, "EXTENDED", days + " 个工作日，" + approvedBy.strip() + " 批准：" + reason.strip());
		repromise(id);
		events.publishEvent(new CaseEvents.CaseExtended(id, c.caseNumber(), days, reason.strip()));
	}

	private void repromise(UUID id) {
		CaseView c = forStaff(id).orElseThrow();
		clock(c).ifPresent(k -> jdbc.sql("update casework_case set promised_date = ? where id = ?")
			.params(k.due(calendars.current(), LocalDate.now(Clocks.ZONE)), id)
			.update());
	}

	private static void underway(CaseView c) {
		if (c.status() != Status.ACCEPTED && c.status() != Status.IN_REVIEW) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "only an accepted case under way");
		}
	}

	private List<SupplementView> supplements(UUID id) {
		return jdbc.sql("select material_index, material_name, reason, requested_at, resolved_at from casework_supplement "
				+ "where case_id = ? order by id")
			.param(id)
			.query(SupplementView.class)
			.list();
	}

	/** The guide of the version the case was filed under. */
	@Transactional(readOnly = true)
	public ServiceGuide guideOf(CaseView c) {
		return catalog.version(c.itemCode(), c.itemVersion()).orElseThrow(() -> DomainException.notFound("item version"));
	}

	@Transactional(readOnly = true)
	public List<CaseSummary> mine(Actor a) {
		return jdbc.sql("select id, case_number, item_name, status, updated_at, promised_date from casework_case "
				+ "where party_id = ?" + IN_SCOPE + " order by updated_at desc limit 200")
			.params(a.party().id(), a.scope().full(), a.scope().itemNameArray())
			.query(CaseSummary.class)
			.list();
	}

	/**
	 * Saves a draft as typed. Files are checked by content and size and stored; everything else is kept even when
	 * invalid. Returns the problems (form errors, refused files); a stale lock version saves nothing.
	 */
	public List<Problem> saveDraft(Actor a, UUID id, long lockVersion, Map<String, Object> values, Map<Integer, Upload> materials,
			Map<String, Upload> formFiles) {
		CaseView c = draft(a, id);
		if (c.lockVersion() != lockVersion) {
			return List.of(new Problem("", "case.error.concurrent", List.of()));
		}
		ServiceGuide g = guideOf(c);
		List<Problem> problems = new ArrayList<>();
		Map<String, Object> kept = new LinkedHashMap<>(values);
		// form files already uploaded stay unless replaced
		for (FormDefinition.Field f : g.applicationForm().fields()) {
			if (f.type() == FormDefinition.FieldType.FILE && f.parent() == null) {
				Upload u = formFiles.get(f.key());
				if (u != null && u.bytes().length > 0) {
					Optional<Map<String, Object>> stored = store(u, f.key(), problems);
					stored.ifPresentOrElse(s -> kept.put(f.key(), s), () -> kept.put(f.key(), c.values().get(f.key())));
				}
				else if (c.values().get(f.key()) != null) {
					kept.put(f.key(), c.values().get(f.key()));
				}
			}
		}
		for (Map.Entry<Integer, Upload> e : materials.entrySet()) {
			int i = e.getKey();
			if (i < 0 || i >= g.materials().size() || e.getValue().bytes().length == 0) {
				continue;
			}
			store(e.getValue(), "material." + i, problems).ifPresent(s -> {
				jdbc.sql("delete from casework_material where case_id = ? and material_index = ?").params(id, i).update();
				jdbc.sql("""
						insert into casework_material (id, case_id, material_index, material_name, file_id, sha256, size, content_type, original_name)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(UUID.randomUUID(), id, i, g.materials().get(i).name(), s.get("fileId"), s.get("sha256"), s.get("size"),
							s.get("contentType"), s.get("name"))
					.update();
			});
		}
		// values taken from a register with consent (免提交) stay as served: a request that changes one is refused at the field
		Map<String, Verified> provenance = provenance(id);
		provenance.forEach((field, v) -> {
			Object stored = c.values().get(field);
			if (values.containsKey(field) && !java.util.Objects.equals(String.valueOf(values.get(field)), String.valueOf(stored))) {
				problems.add(v.refusal(field));
				audit.record(tongban.audit.AuditTrail.DATA_REFUSED, "account:" + a.accountId(), "case:" + id,
						"a verified value was changed in the request: " + field + " (" + v.source() + ")");
			}
			kept.put(field, stored);
		});
		// the applicant's own identity (a draft from before its form marked it gets it now): another value is refused
		var bound = applicant.bind(a.party(), g.applicationForm(), kept, provenance, values, (field, value) -> verifiedMac(id, field, value));
		bound.refused().stream().filter(field -> !provenance.containsKey(field)).forEach(field -> problems.add(new Problem(field,
				"case.error.fromAccount", List.of())));
		kept.putAll(bound.values());
		writeForm(id, lockVersion, kept, bound.provenance().equals(provenance) ? null : bound.provenance());
		for (FormValidation.FieldError fe : validate(g, kept).errors()) {
			problems.add(new Problem(fe.path(), fe.code(), fe.args()));
		}
		return problems;
	}

	/** What submission would refuse: form errors and required materials missing (容缺后补 ones may follow later). */
	@Transactional(readOnly = true)
	public List<Problem> check(CaseView c) {
		ServiceGuide g = guideOf(c);
		return check(c, g, validate(g, c.values()));
	}

	private FormValidation.Result validate(ServiceGuide g, Map<String, Object> values) {
		return validation.validate(g.applicationForm(), forValidation(g.applicationForm(), values));
	}

	private static List<Problem> check(CaseView c, ServiceGuide g, FormValidation.Result validated) {
		List<Problem> problems = new ArrayList<>();
		for (FormValidation.FieldError fe : validated.errors()) {
			problems.add(new Problem(fe.path(), fe.code(), fe.args()));
		}
		for (int i = 0; i < g.materials().size(); i++) {
			ServiceGuide.Material m = g.materials().get(i);
			int index = i;
			boolean uploaded = c.materials().stream().anyMatch(x -> x.index() == index);
			if (needsUpload(m) && "REQUIRED".equals(m.necessity()) && !uploaded) {
				problems.add(new Problem("material." + i, "case.error.material.required", List.of(m.name())));
			}
		}
		return problems;
	}

	/** Whether the applicant uploads this material (government-issued ones are fetched, not uploaded). */
	public static boolean needsUpload(ServiceGuide.Material m) {
		return !"GOVERNMENT".equals(m.source());
	}

	/**
	 * Submits the draft. The token is the draft's: a second submission with it (double click, retry) returns the same
	 * case. Problems stop the submission and change nothing.
	 */
	public List<Problem> submit(Actor a, UUID id, UUID token) {
		return submitNumbered(a, id, token).problems();
	}

	/** What a submission answers: the problems that stopped it, or the case's number and promised date. */
	public record Submission(List<Problem> problems, String caseNumber, LocalDate promisedDate) {
	}

	/** As {@link #submit}, answering the number and promised date too (no second read for the API's answer). */
	public Submission submitNumbered(Actor a, UUID id, UUID token) {
		CaseView c = find(a, id, false).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != Status.DRAFT) {
			if (c.submitToken().equals(token)) {
				return new Submission(List.of(), c.caseNumber(), c.promisedDate());
			}
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "the case is " + c.status());
		}
		if (token == null || !c.submitToken().equals(token)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-token", "stale submission");
		}
		ServiceGuide g = guideOf(c);
		// whatever the draft holds, the applicant's own identity is filed as the account has it
		Map<String, Verified> before = provenance(id);
		var bound = applicant.bind(a.party(), g.applicationForm(), c.values(), before, null, (field, value) -> verifiedMac(id, field, value));
		Map<String, Object> values = bound.values();
		FormValidation.Result validated = validate(g, values);
		List<Problem> problems = new ArrayList<>(check(c, g, validated));
		bound.provenance().forEach((field, v) -> {
			if (!v.mac().equals(verifiedMac(id, field, values.get(field)))) {
				problems.add(v.refusal(field));
				audit.record(tongban.audit.AuditTrail.DATA_REFUSED, "account:" + a.accountId(), "case:" + id,
						"a verified value no longer matches what was served: " + field + " (" + v.source() + ")");
			}
		});
		if (!problems.isEmpty()) {
			return new Submission(problems, null, null);
		}
		LocalDate today = LocalDate.now(Clocks.ZONE);
		LocalDate promised = promisedDate(g, today);
		Instant now = Instant.now();
		// the number: region + day + a serial from a sequence (V15), which no other submission waits for
		String number = jdbc.sql("""
				update casework_case set status = 'SUBMITTED', submitted_at = ?, promised_date = ?, form_values = ?, provenance = ?::jsonb,
				  case_number = region_code || ? || lpad(nextval('casework_case_serial')::text, 6, '0'),
				  updated_at = now(), lock_version = lock_version + 1 where id = ? and status = 'DRAFT' returning case_number""")
			.params(java.sql.Timestamp.from(now), promised, stored(cleaned(validated, values)), json.writeValueAsString(bound.provenance()),
					today.format(DAY), id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "case-state", "submitted concurrently"));
		event(id, a, "SUBMITTED", number);
		events.publishEvent(new CaseSubmitted(id, number, c.itemCode(), c.itemVersion(), c.departmentCode(), now, c.itemName(),
				promised, c.applicantAccountId()));
		return new Submission(List.of(), number, promised);
	}

	/** Accepted cases not yet concluded of departments in a region (code prefix), for supervision. */
	@Transactional(readOnly = true)
	public List<UUID> underway(String regionPrefix) {
		return jdbc.sql("select id from casework_case where status in ('ACCEPTED', 'IN_REVIEW', 'APPROVED') and accepted_at is not null "
				+ "and region_code like ? order by promised_date limit 2000")
			.param(regionPrefix.replace("%", "").replace("_", "") + "%")
			.query(UUID.class)
			.list();
	}

	public record Deferred(int materialIndex, String materialName, LocalDate promisedBy, String recordedBy, Instant deliveredAt,
			String deliveredBy) {

		public boolean pending() {
			return deliveredAt == null;
		}

		/** Still missing after the promised day. */
		public boolean overdue() {
			return pending() && promisedBy.isBefore(LocalDate.now(Clocks.ZONE));
		}
	}

	public static final int MAX_DEFER_DAYS = 60;

	/**
	 * 容缺后补 at a counter: the deferrable materials the applicant will bring later, each with the promised date
	 * (after today, within {@link #MAX_DEFER_DAYS} days). Replaces the earlier promises of the draft.
	 */
	public List<Problem> defer(Actor a, UUID id, Map<Integer, LocalDate> promises, String clerkName) {
		CaseView c = draft(a, id);
		ServiceGuide g = guideOf(c);
		List<Problem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		promises.forEach((i, by) -> {
			if (i < 0 || i >= g.materials().size() || !"DEFERRABLE".equals(g.materials().get(i).necessity())) {
				problems.add(new Problem("material." + i, "case.error.defer.notDeferrable", List.of()));
			}
			else if (by == null || !by.isAfter(today) || by.isAfter(today.plusDays(MAX_DEFER_DAYS))) {
				problems.add(new Problem("material." + i, "case.error.defer.date", List.of(MAX_DEFER_DAYS)));
			}
		});
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.sql("delete from casework_deferred where case_id = ?").param(id).update();
		promises.forEach((i, by) -> jdbc.sql("insert into casework_deferred (case_id, material_index, material_name, promised_by, recorded_by) "
				+ "values (?, ?, ?, ?, ?)").params(id, i, g.materials().get(i).name(), by, clerkName).update());
		if (!promises.isEmpty()) {
			event(id, a, "DEFERRED", promises.keySet().stream().map(i -> g.materials().get(i).name() + " " + promises.get(i))
				.reduce((x, y) -> x + "；" + y).orElse(""));
		}
		return problems;
	}

	@Transactional(readOnly = true)
	public List<Deferred> deferred(UUID id) {
		return jdbc.sql("select material_index, material_name, promised_by, recorded_by, delivered_at, delivered_by from casework_deferred "
				+ "where case_id = ? order by material_index")
			.param(id)
			.query(Deferred.class)
			.list();
	}

	/**
	 * 容缺后补 delivered: the applicant (online, or through a counter clerk) uploads materials promised at acceptance,
	 * any or all of them at once, until the case is concluded. Each upload is checked like any material (type by content,
	 * size) and replaces nothing else; a wrong file is refused at its material and nothing is recorded.
	 */
	public List<Problem> deliverDeferred(Actor a, UUID id, Map<Integer, Upload> uploads) {
		CaseView c = find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (!List.of(Status.SUBMITTED, Status.SUPPLEMENT_REQUESTED, Status.ACCEPTED, Status.IN_REVIEW).contains(c.status())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "the case is " + c.status());
		}
		List<Deferred> pending = deferred(id).stream().filter(Deferred::pending).toList();
		if (pending.isEmpty()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "deferred-none", "nothing is awaited");
		}
		List<Problem> problems = new ArrayList<>();
		Map<Integer, Map<String, Object>> stored = new LinkedHashMap<>();
		for (Deferred d : pending) {
			Upload u = uploads.get(d.materialIndex());
			if (u != null && u.bytes().length > 0) {
				store(u, "material." + d.materialIndex(), problems).ifPresent(x -> stored.put(d.materialIndex(), x));
			}
		}
		if (stored.isEmpty() && problems.isEmpty()) {
			Deferred first = pending.getFirst();
			problems.add(new Problem("material." + first.materialIndex(), "case.error.material.required", List.of(first.materialName())));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		ServiceGuide g = guideOf(c);
		stored.forEach((i, x) -> {
			putMaterial(id, i, g.materials().get(i).name(), x);
			jdbc.sql("update casework_deferred set delivered_at = now(), delivered_by = ? where case_id = ? and material_index = ?")
				.params(a.accountName(), id, i)
				.update();
		});
		event(id, a, "DEFERRED_DELIVERED", stored.keySet().stream().map(i -> g.materials().get(i).name()).reduce((x, y) -> x + "、" + y).orElse(""));
		return problems;
	}

	/** Puts an uploaded file (as {@link #store} described it) in a case as the material, trust level C. */
	private void putMaterial(UUID id, int index, String name, Map<String, Object> s) {
		putMaterial(id, index, name, s.get("fileId"), s.get("sha256"), s.get("size"), s.get("contentType"), s.get("name"), "C", null);
	}

	/** Puts a file in a case as the given material, in place of any earlier file for it. */
	private void putMaterial(UUID id, int index, String name, Object fileId, Object sha256, Object size, Object contentType,
			Object originalName, String trustLevel, String licenceIdentifier) {
		jdbc.sql("delete from casework_material where case_id = ? and material_index = ?").params(id, index).update();
		jdbc.sql("""
				insert into casework_material (id, case_id, material_index, material_name, file_id, sha256, size, content_type, original_name,
				  trust_level, licence_identifier)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id, index, name, fileId, sha256, size, contentType, originalName, trustLevel, licenceIdentifier)
			.update();
	}

	// ---- 一件事一次办 ----

	public record BundleView(UUID id, String bundleCode, String bundleName, String status, List<CaseSummary> cases) {

		/** The bundle concludes when every one of its cases has. */
		public boolean concluded() {
			return !cases.isEmpty() && cases.stream().allMatch(c -> List.of("CONCLUDED", "DENIED", "REFUSED", "WITHDRAWN").contains(c.status()));
		}
	}

	/** Starts a bundle application: one draft per item, linked to the bundle. */
	public UUID startBundle(Actor a, tongban.catalog.Bundle b) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into casework_bundle (id, bundle_code, bundle_name, party_id, status) values (?, ?, ?, ?, 'DRAFT')")
			.params(id, b.code(), b.name(), a.party().id())
			.update();
		for (String item : b.items()) {
			createDraft(a, item, "ONLINE", id);
		}
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<BundleView> bundle(Actor a, UUID bundleId) {
		// a bundle is the actor's to see only when their scope covers every one of its items
		return jdbc.sql("select id, bundle_code, bundle_name, status from casework_bundle b where id = ? and party_id = ? and not exists "
				+ "(select 1 from casework_case where bundle_id = b.id and not (? or item_name = any(?)))")
			.params(bundleId, a.party().id(), a.scope().full(), a.scope().itemNameArray())
			.query((rs, n) -> new BundleView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					jdbc.sql("select id, case_number, item_name, status, updated_at, promised_date from casework_case "
							+ "where bundle_id = ? order by created_at, item_code")
						.param(bundleId)
						.query(CaseSummary.class)
						.list()))
			.optional();
	}

	/** The bundle's cases in full, in the bundle's item order. */
	@Transactional(readOnly = true)
	public List<CaseView> bundleCases(Actor a, UUID bundleId) {
		return bundle(a, bundleId).map(b -> b.cases().stream().map(c -> find(a, c.id()).orElseThrow()).toList()).orElse(List.of());
	}

	/** Submits every case of the bundle in one transaction: all of them, or none when any has a problem. */
	public List<Problem> submitBundle(Actor a, UUID bundleId) {
		List<CaseView> all = bundleCases(a, bundleId);
		if (all.isEmpty()) {
			throw DomainException.notFound("bundle");
		}
		if (all.stream().allMatch(c -> c.status() != Status.DRAFT)) {
			return List.of(); // submitted already (a second click)
		}
		List<Problem> problems = new ArrayList<>();
		for (CaseView c : all) {
			for (Problem p : check(c)) {
				if (problems.stream().noneMatch(x -> x.path().equals(p.path()) && x.code().equals(p.code()))) {
					problems.add(p.path().startsWith("material.") ? new Problem(c.itemCode() + ":" + p.path(), p.code(), p.args()) : p);
				}
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		for (CaseView c : all) {
			List<Problem> p = submit(a, c.id(), c.submitToken());
			if (!p.isEmpty()) {
				throw new IllegalStateException("checked, yet refused: " + p);
			}
		}
		jdbc.sql("update casework_bundle set status = 'SUBMITTED', submitted_at = now() where id = ?").param(bundleId).update();
		return List.of();
	}

	/** The applicant withdraws a submitted case before any decision. */
	public void withdraw(Actor a, UUID id, String reason) {
		CaseView c = find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (!c.status().withdrawable()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "only a case not yet decided can be withdrawn");
		}
		jdbc.sql("update casework_case set status = 'WITHDRAWN', updated_at = now(), lock_version = lock_version + 1 where id = ?")
			.param(id)
			.update();
		event(id, a, "WITHDRAWN", reason == null || reason.isBlank() ? null : reason.strip());
		events.publishEvent(new CaseEvents.CaseConcluded(id, c.caseNumber(), "WITHDRAWN"));
	}

	// ---- handling by staff (called by the approval module, which has checked the staff member's authority) ----

	/** 受理: a numbered acceptance notice; the promised date now counts from today. */
	public String accept(UUID id, String staffName) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		require(c, Status.SUBMITTED);
		ServiceGuide g = guideOf(c);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		int seq = nextNumber("A-" + c.departmentCode(), LocalDate.of(today.getYear(), 1, 1));
		String no = c.departmentCode() + "-受-" + today.getYear() + "-" + String.format("%05d", seq);
		jdbc.sql("update casework_case set status = 'ACCEPTED', acceptance_no = ?, accepted_at = now(), promised_date = ?, "
				+ "updated_at = now(), lock_version = lock_version + 1 where id = ?")
			.params(no, promisedDate(g, today), id)
			.update();
		staffEvent(id, staffName, "ACCEPTED", no);
		events.publishEvent(new CaseEvents.CaseAccepted(id, c.caseNumber(), no));
		return no;
	}

	/** 一次性告知: every faulty material at once, each with its reason. */
	public void requestSupplements(UUID id, String staffName, Map<Integer, String> reasons) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		require(c, Status.SUBMITTED);
		ServiceGuide g = guideOf(c);
		if (reasons.isEmpty() || reasons.keySet().stream().anyMatch(i -> i < 0 || i >= g.materials().size())
				|| reasons.values().stream().anyMatch(r -> r == null || r.isBlank())) {
			throw new DomainException(DomainException.Kind.INVALID, "supplement-invalid", "each material needs a reason");
		}
		List<String> names = new ArrayList<>();
		reasons.forEach((i, r) -> {
			names.add(g.materials().get(i).name());
			jdbc.sql("insert into casework_supplement (case_id, material_index, material_name, reason, requested_by) values (?, ?, ?, ?, ?)")
				.params(id, i, g.materials().get(i).name(), r.strip(), staffName)
				.update();
		});
		jdbc.sql("update casework_case set status = 'SUPPLEMENT_REQUESTED', updated_at = now(), lock_version = lock_version + 1 where id = ?")
			.param(id)
			.update();
		staffEvent(id, staffName, "SUPPLEMENT_REQUESTED", String.join("、", names));
		events.publishEvent(new CaseEvents.SupplementRequested(id, c.caseNumber(), names));
	}

	/**
	 * The applicant resubmits just the requested materials; all of them must come, each a valid file. Then the case
	 * waits for acceptance again.
	 */
	public List<Problem> resubmit(Actor a, UUID id, Map<Integer, Upload> uploads) {
		CaseView c = find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		require(c, Status.SUPPLEMENT_REQUESTED);
		List<Problem> problems = new ArrayList<>();
		Map<Integer, Map<String, Object>> stored = new LinkedHashMap<>();
		for (SupplementView s : c.openSupplements()) {
			Upload u = uploads.get(s.materialIndex());
			if (u == null || u.bytes().length == 0) {
				problems.add(new Problem("material." + s.materialIndex(), "case.error.material.required", List.of(s.materialName())));
				continue;
			}
			store(u, "material." + s.materialIndex(), problems).ifPresent(x -> stored.put(s.materialIndex(), x));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		ServiceGuide g = guideOf(c);
		stored.forEach((i, s) -> putMaterial(id, i, g.materials().get(i).name(), s));
		jdbc.sql("update casework_supplement set resolved_at = now() where case_id = ? and resolved_at is null").param(id).update();
		// complete at last: the promised limit counts from today, as it did from the first submission
		jdbc.sql("update casework_case set status = 'SUBMITTED', promised_date = ?, updated_at = now(), lock_version = lock_version + 1 "
				+ "where id = ?")
			.params(promisedDate(g, LocalDate.now(Clocks.ZONE)), id)
			.update();
		event(id, a, "SUPPLEMENT_PROVIDED", null);
		events.publishEvent(new CaseEvents.SupplementProvided(id, c.caseNumber()));
		return problems;
	}

	/** 不予受理 with the reasons (a written decision, 行政许可法 Art. 32). */
	public void refuse(UUID id, String staffName, String reason) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		require(c, Status.SUBMITTED);
		conclude(id, staffName, "REFUSED", "REFUSED", reason);
		events.publishEvent(new CaseEvents.CaseConcluded(id, c.caseNumber(), "REFUSED"));
	}

	/** A review opinion (one department of several in parallel review). */
	public void review(UUID id, String staffName, String department, String opinion) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != Status.ACCEPTED && c.status() != Status.IN_REVIEW) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "not under review");
		}
		jdbc.sql("update casework_case set status = 'IN_REVIEW', updated_at = now(), lock_version = lock_version + 1 where id = ?")
			.param(id)
			.update();
		staffEvent(id, staffName, "REVIEWED", department + "：" + opinion);
	}

	/** 准予 or 不予 with the reasons. A denial concludes the case; an approval waits for delivery. */
	public void decide(UUID id, String staffName, boolean approve, String reason) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != Status.ACCEPTED && c.status() != Status.IN_REVIEW) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "nothing to decide");
		}
		if (approve && deferred(id).stream().anyMatch(Deferred::pending)) {
			// 容缺受理: the decision to grant waits until every material promised at acceptance has arrived
			throw new DomainException(DomainException.Kind.CONFLICT, "deferred-pending", "deferred materials not yet delivered");
		}
		if (approve) {
			jdbc.sql("update casework_case set status = 'APPROVED', outcome = 'APPROVED', updated_at = now(), "
					+ "lock_version = lock_version + 1 where id = ?")
				.param(id)
				.update();
			staffEvent(id, staffName, "APPROVED", reason);
			events.publishEvent(new CaseEvents.CaseApproved(id, c.caseNumber()));
		}
		else {
			conclude(id, staffName, "DENIED", "DENIED", reason);
			events.publishEvent(new CaseEvents.CaseDenied(id, c.caseNumber(), reason));
			events.publishEvent(new CaseEvents.CaseConcluded(id, c.caseNumber(), "DENIED"));
		}
	}

	/** 送达: the result is delivered; the case is concluded. */
	public void deliver(UUID id, String staffName, String note) {
		deliver(id, staffName, note, null);
	}

	/**
	 * 送达 with the postal delivery staff recorded. A result the applicant chose to receive by post is 送达 only with
	 * its carrier and a well-formed tracking number ({@code delivery-tracking}, {@code delivery-carrier},
	 * {@code delivery-tracking-format}), which the applicant then sees on the case's timeline.
	 */
	public void deliver(UUID id, String staffName, String note, PostalDelivery postal) {
		CaseView c = forStaff(id).orElseThrow(() -> DomainException.notFound("case"));
		require(c, Status.APPROVED);
		String text = note;
		if (byPost(c)) {
			if (postal == null) {
				throw new DomainException(DomainException.Kind.INVALID, "delivery-tracking", "a postal delivery needs its tracking number");
			}
			postal.problem().ifPresent(code -> {
				throw new DomainException(DomainException.Kind.INVALID, code, "the postal delivery is not well formed");
			});
			text = postal.text() + (note == null || note.isBlank() ? "" : "。" + note.strip());
		}
		conclude(id, staffName, "CONCLUDED", "DELIVERED", text);
		events.publishEvent(new CaseEvents.CaseConcluded(id, c.caseNumber(), "APPROVED"));
	}

	private void conclude(UUID id, String staffName, String status, String action, String note) {
		jdbc.sql("update casework_case set status = ?, outcome = coalesce(outcome, ?), concluded_at = now(), updated_at = now(), "
				+ "lock_version = lock_version + 1 where id = ?")
			.params(status, status, id)
			.update();
		staffEvent(id, staffName, action, note);
	}

	/**
	 * The next number of a series (acceptance notices per department and year), gapless: the counter row stays
	 * locked until the calling transaction commits, so callers take it as their last step.
	 */
	private int nextNumber(String series, LocalDate day) {
		return jdbc.sql("""
				insert into casework_number (region_code, day, last) values (?, ?, 1)
				on conflict (region_code, day) do update set last = casework_number.last + 1 returning last""")
			.params(series, day)
			.query(Integer.class)
			.single();
	}

	private static void require(CaseView c, Status s) {
		if (c.status() != s) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "the case is " + c.status() + ", not " + s);
		}
	}

	private void staffEvent(UUID id, String staffName, String action, String note) {
		jdbc.sql("insert into casework_event (case_id, action, actor_name, party_name, note) values (?, ?, ?, ?, ?)")
			.params(id, action, staffName, null, note == null || note.isBlank() ? null : note.strip())
			.update();
	}

	/** A material file of one's own case. */
	@Transactional(readOnly = true)
	public Optional<MaterialView> material(Actor a, UUID id, int index) {
		return find(a, id).flatMap(c -> c.materials().stream().filter(m -> m.index() == index).findFirst());
	}

	/** The promised completion date counted from {@code from}, always a working day ({@link PromisedDates}). */
	LocalDate promisedDate(ServiceGuide g, LocalDate from) {
		return PromisedDates.from(g, from, calendars.current());
	}

	/** The party's valid licences of a kind (用证 choices), none when no licence module is present. */
	@Transactional(readOnly = true)
	public List<LicenceWallet.Held> heldLicences(UUID partyId, String licenceType) {
		LicenceWallet w = wallet.getIfAvailable();
		return w == null || licenceType == null || licenceType.isBlank() ? List.of() : w.held(partyId, licenceType);
	}

	/** The applicant's valid licences for each material of the guide that a licence can stand for, by material index. */
	@Transactional(readOnly = true)
	public Map<Integer, List<LicenceWallet.Held>> walletFor(UUID partyId, ServiceGuide g) {
		Map<Integer, List<LicenceWallet.Held>> out = new LinkedHashMap<>();
		for (int i = 0; i < g.materials().size(); i++) {
			List<LicenceWallet.Held> held = heldLicences(partyId, g.materials().get(i).licenceType());
			if (!held.isEmpty()) {
				out.put(i, held);
			}
		}
		return out;
	}

	/**
	 * 用证: materials of a draft taken from the applicant's wallet (material index → licence identifier; blank removes
	 * an earlier choice). Each must be a material a licence stands for and a valid licence of that kind the party
	 * holds; it is kept as the sealed licence file with trust level A, and the use is recorded for the holder.
	 */
	public List<Problem> useLicences(Actor a, UUID id, Map<Integer, String> picks) {
		CaseView c = draft(a, id);
		ServiceGuide g = guideOf(c);
		LicenceWallet w = wallet.getIfAvailable();
		List<Problem> problems = new ArrayList<>();
		for (Map.Entry<Integer, String> p : picks.entrySet()) {
			int i = p.getKey();
			if (i < 0 || i >= g.materials().size() || g.materials().get(i).licenceType() == null || w == null) {
				problems.add(new Problem("material." + i, "case.error.licence.notAllowed", List.of()));
				continue;
			}
			ServiceGuide.Material m = g.materials().get(i);
			String identifier = p.getValue() == null ? "" : p.getValue().strip();
			if (identifier.isEmpty()) {
				jdbc.sql("delete from casework_material where case_id = ? and material_index = ? and licence_identifier is not null").params(id, i).update();
				continue;
			}
			var current = c.materials().stream().filter(x -> x.index() == i && identifier.equals(x.licenceIdentifier())).findFirst();
			if (current.isPresent()) {
				continue;
			}
			var used = w.use(a.party().id(), identifier, m.licenceType(), id, c.itemName(), m.name(), c.departmentCode(), a.accountName());
			if (used.isEmpty()) {
				problems.add(new Problem("material." + i, "case.error.licence.notHeld", List.of(m.licenceType())));
				continue;
			}
			var h = used.get();
			putMaterial(id, i, m.name(), h.fileId(), h.sha256(), h.size(), "application/pdf", h.name() + "（" + h.number() + "）", "A",
					h.identifier());
		}
		if (!problems.isEmpty()) {
			org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		return problems;
	}

	/** A staff member saw the applicant's personal data of a case in full: an audit entry (DATA_REVEAL). */
	public void recordReveal(UUID caseId, UUID staffId, String staffName) {
		audit.record(tongban.audit.AuditTrail.DATA_REVEAL, "staff:" + staffId, "case:" + caseId, staffName + " saw the form's personal data in full");
	}

	/**
	 * A form value not typed by the applicant: taken from a government register with their consent (the register's
	 * name as source), or the applicant's own identity from their account ({@link #ACCOUNT}, with the account's level
	 * of assurance); with its MAC.
	 */
	public record Verified(String source, String mac, Integer assuranceLevel) {

		public static final String ACCOUNT = "ACCOUNT";

		public Verified(String source, String mac) {
			this(source, mac, null);
		}

		public boolean fromAccount() {
			return ACCOUNT.equals(source);
		}

		/** The problem a request that changes this value meets. */
		Problem refusal(String field) {
			return fromAccount() ? new Problem(field, "case.error.fromAccount", List.of()) : new Problem(field, "case.error.verified", List.of(source));
		}
	}

	/** The MAC that binds a verified value to its case and field. */
	private String verifiedMac(UUID id, String field, Object value) {
		return keys.mac(id + "|" + field + "|" + value);
	}

	/** The fields of a case filled from registers (免提交), by form key. */
	@Transactional(readOnly = true)
	public Map<String, Verified> provenance(UUID id) {
		String text = jdbc.sql("select provenance::text from casework_case where id = ?").param(id).query(String.class).optional().orElse("{}");
		return json.readValue(text, new TypeReference<LinkedHashMap<String, Verified>>() {
		});
	}

	/** Whether some value of the case was taken from a register (免提交), not only from the applicant's account. */
	@Transactional(readOnly = true)
	public boolean takenFromRegister(UUID id) {
		return provenance(id).values().stream().anyMatch(v -> !v.fromAccount());
	}

	/**
	 * What the government holds for this draft's form, to offer with a consent prompt: only for a citizen applying for
	 * themselves, and not once taken.
	 */
	@Transactional(readOnly = true)
	public Optional<tongban.exchange.PrefillOffer> prefillOffer(Actor a, CaseView c) {
		if (c.status() != Status.DRAFT || !a.actingForSelf() || takenFromRegister(c.id())) {
			return Optional.empty();
		}
		return exchange.prefillOffer(c.itemCode(), c.departmentCode());
	}

	/**
	 * The applicant consented: their values are read from the register (recorded as a read of their data), put into the
	 * draft and marked verified with a MAC each. Answers how many fields were filled (0 when the register has nothing).
	 */
	public int prefill(Actor a, UUID id, long lockVersion) {
		CaseView c = draft(a, id);
		var offer = prefillOffer(a, c).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "case-prefill", "nothing to offer"));
		String subject = identity.identifierOf(a.party()).orElseThrow();
		Map<String, String> served = exchange.prefill(offer, subject, a.accountId(), c.itemName(), "草稿 " + id);
		if (served.isEmpty()) {
			return 0;
		}
		Map<String, Object> values = new LinkedHashMap<>(c.values());
		Map<String, Verified> provenance = new LinkedHashMap<>(provenance(id));
		served.forEach((field, value) -> {
			values.put(field, value);
			provenance.put(field, new Verified(offer.source(), verifiedMac(id, field, value)));
		});
		writeForm(id, lockVersion, values, provenance);
		return served.size();
	}

	private CaseView draft(Actor a, UUID id) {
		CaseView c = find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != Status.DRAFT) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-state", "only a draft changes");
		}
		return c;
	}

	private Optional<Map<String, Object>> store(Upload u, String path, List<Problem> problems) {
		if (u.bytes().length > MAX_FILE) {
			problems.add(new Problem(path, "case.error.file.size", List.of(MAX_FILE / 1024 / 1024)));
			return Optional.empty();
		}
		Optional<String> type = FileTypes.detect(u.bytes());
		if (type.isEmpty()) {
			problems.add(new Problem(path, "case.error.file.type", List.of(u.name() == null ? "" : u.name())));
			return Optional.empty();
		}
		Optional<UploadCheck.Problem> unsafe = UploadCheck.problem(u.bytes(), type.get());
		if (unsafe.isPresent()) {
			problems.add(new Problem(path, unsafe.get().messageKey(), List.of(u.name() == null ? "" : u.name())));
			return Optional.empty();
		}
		FileStore.Stored s = files.put(u.bytes(), type.get(), u.name());
		Map<String, Object> ref = new LinkedHashMap<>();
		ref.put("fileId", s.id());
		ref.put("sha256", s.sha256());
		ref.put("size", s.size());
		ref.put("contentType", s.contentType());
		ref.put("name", u.name() == null || u.name().isBlank() ? "file." + FileTypes.extension(s.contentType()) : u.name());
		return Optional.of(ref);
	}

	/**
	 * The values as they will be kept: normalised by the validation, hidden fields and empty rows dropped, stored
	 * files as stored.
	 */
	public Map<String, Object> cleaned(ServiceGuide g, Map<String, Object> values) {
		return cleaned(validate(g, values), values);
	}

	private static Map<String, Object> cleaned(FormValidation.Result validated, Map<String, Object> values) {
		Map<String, Object> out = new LinkedHashMap<>(validated.values());
		out.replaceAll((k, v) -> v instanceof FormValidation.FileRef ? values.get(k) : v);
		return out;
	}

	/** Stored file values become {@link FormValidation.FileRef}s for validation. */
	private static Map<String, Object> forValidation(FormDefinition def, Map<String, Object> values) {
		Map<String, Object> out = new LinkedHashMap<>(values);
		for (FormDefinition.Field f : def.fields()) {
			if (f.type() == FormDefinition.FieldType.FILE && out.get(f.key()) instanceof Map<?, ?> m) {
				out.put(f.key(), new FormValidation.FileRef(String.valueOf(m.get("name")), String.valueOf(m.get("contentType")),
						m.get("size") instanceof Number n ? n.longValue() : 0));
			}
		}
		return out;
	}

	/**
	 * Writes a draft's form (and, when given, its verified fields) if nobody saved it since {@code lockVersion};
	 * a stale version is a conflict.
	 */
	private void writeForm(UUID id, long lockVersion, Map<String, ?> values, Map<String, Verified> provenance) {
		int updated = jdbc.sql("update casework_case set form_values = ?, provenance = coalesce(?::jsonb, provenance), updated_at = now(), "
				+ "lock_version = lock_version + 1 where id = ? and lock_version = ?")
			.params(stored(values), provenance == null ? null : json.writeValueAsString(provenance), id, lockVersion)
			.update();
		if (updated == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-concurrent", "saved by someone else");
		}
	}

	/** The form values as stored: encrypted (they carry ID numbers, phone numbers and addresses). */
	private String stored(Map<String, ?> values) {
		return keys.encrypt(json.writeValueAsString(values));
	}

	/** The form values, kept encrypted (they carry ID numbers, phone numbers and addresses). */
	private Map<String, Object> values(String stored) {
		return stored == null ? Map.of() : json.readValue(keys.decrypt(stored), new TypeReference<LinkedHashMap<String, Object>>() {
		});
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

	private void event(UUID id, Actor a, String action, String note) {
		jdbc.sql("insert into casework_event (case_id, action, actor_name, party_name, note) values (?, ?, ?, ?, ?)")
			.params(id, action, a.accountName(), a.party().name(), note)
			.update();
	}
}
