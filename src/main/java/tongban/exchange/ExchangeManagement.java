package tongban.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.exchange.internal.ReadRecorder;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * The sharing layer: resources, grants, lookups and the record of every read. A lookup is served only under a grant in
 * force for the reading department, only with granted fields, and only with a purpose and the case it serves; each read is
 * written (who, whose data by blind index, which fields, why, for which case) in the same transaction as the answer, and
 * into the audit trail. A refused lookup is written to the audit trail in a transaction of its own.
 */
@Service
public class ExchangeManagement {

	public static final List<String> SHARING_CLASSES = List.of("UNCONDITIONAL", "CONDITIONAL", "NONE");
	public static final List<String> SENSITIVITIES = List.of("PUBLIC", "INTERNAL", "PERSONAL", "SENSITIVE");
	public static final List<String> FIELD_TYPES = List.of("string", "date", "number", "idNumber", "uscc", "address");

	private static final TypeReference<List<Field>> FIELDS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final AuditTrail audit;
	private final DirectoryManagement directory;
	private final TransactionTemplate separate;
	private final Map<String, Resource> resourceCache = new ConcurrentHashMap<>();

	private final ReadRecorder recorder;

	ExchangeManagement(JdbcClient jdbc, JsonMapper json, DataKeys keys, AuditTrail audit, DirectoryManagement directory,
			PlatformTransactionManager tx, ReadRecorder recorder) {
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.audit = audit;
		this.directory = directory;
		this.separate = new TransactionTemplate(tx);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public record Field(String name, String label, String type, String sensitivity) {
	}

	public record Resource(String code, String name, String providerDepartmentCode, String subjectKind, String sharingClass,
			String updateFrequency, String legalBasis, String providingSystem, List<Field> fields) {

		public Optional<Field> field(String name) {
			return fields.stream().filter(f -> f.name().equals(name)).findFirst();
		}

		public List<String> fieldNames() {
			return fields.stream().map(Field::name).toList();
		}

		public String label(String field) {
			return field(field).map(Field::label).orElse(field);
		}
	}

	public record Grant(UUID id, String resourceCode, String consumerDepartmentCode, List<String> fields, String purpose, String legalBasis,
			String status, LocalDate validUntil, String requestedBy, String decidedBy, Instant decidedAt, String reason, Instant createdAt) {

		public boolean inForce(LocalDate today) {
			return status.equals("GRANTED") && !today.isAfter(validUntil);
		}

		/** GRANTED, or EXPIRED for a grant past its date; otherwise the status as stored. */
		public String state(LocalDate today) {
			return status.equals("GRANTED") && today.isAfter(validUntil) ? "EXPIRED" : status;
		}
	}

	/** Who reads: the department, and the system or staff member acting for it. */
	public record Reader(String departmentCode, String clientId, String staffId, String staffName) {

		/** As the audit trail names the reader: the system, or else the staff member. */
		String actor() {
			return clientId != null ? "client:" + clientId : "staff:" + staffId;
		}
	}

	/** {@code fields} null or empty: every granted field. */
	public record Lookup(String resourceCode, String subject, List<String> fields, String purpose, String caseNumber) {
	}

	public record Served(Resource resource, List<String> fields, List<Map<String, String>> records, Instant at) {
	}

	/** A refused lookup: {@code code} for the message, {@code field} when one field was not granted. */
	public static class Refusal extends DomainException {

		private final String field;

		public Refusal(Kind kind, String code, String field, String detail, Object... args) {
			super(kind, code, detail, args);
			this.field = field;
		}

		public String field() {
			return field;
		}
	}

	// ---- resources

	public List<Resource> resources() {
		return jdbc.sql("select code from exchange_resource order by provider_department_code, code")
			.query(String.class)
			.list()
			.stream()
			.map(c -> resource(c).orElseThrow())
			.toList();
	}

	public Optional<Resource> resource(String code) {
		Resource cached = resourceCache.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Resource> r = jdbc.sql("""
				select code, name, provider_department_code, subject_kind, sharing_class, update_frequency, legal_basis, providing_system,
				  fields::text as fields from exchange_resource where code = ?""")
			.param(code)
			.query((rs, n) -> new Resource(rs.getString("code"), rs.getString("name"), rs.getString("provider_department_code"),
					rs.getString("subject_kind"), rs.getString("sharing_class"), rs.getString("update_frequency"), rs.getString("legal_basis"),
					rs.getString("providing_system"), json.readValue(rs.getString("fields"), FIELDS)))
			.optional();
		r.ifPresent(x -> resourceCache.put(code, x));
		return r;
	}

	/**
	 * Registers or changes a resource of the department; answers the problems (message codes by field), empty when saved.
	 */
	@Transactional
	public Map<String, String> saveResource(Resource r, String by) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (r.code() == null || !r.code().matches("[A-Z0-9][A-Z0-9-]{2,39}")) {
			problems.put("code", "exchange.resource.error.code");
		}
		if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
			problems.put("name", "exchange.resource.error.name");
		}
		if (directory.departmentByCode(r.providerDepartmentCode()).isEmpty()) {
			problems.put("provider", "exchange.resource.error.provider");
		}
		if (!List.of("PERSON", "COMPANY").contains(r.subjectKind())) {
			problems.put("subjectKind", "exchange.resource.error.subjectKind");
		}
		if (!SHARING_CLASSES.contains(r.sharingClass())) {
			problems.put("sharingClass", "exchange.resource.error.sharingClass");
		}
		if (blank(r.updateFrequency())) {
			problems.put("updateFrequency", "exchange.resource.error.updateFrequency");
		}
		if (blank(r.legalBasis())) {
			problems.put("legalBasis", "exchange.resource.error.legalBasis");
		}
		if (blank(r.providingSystem())) {
			problems.put("providingSystem", "exchange.resource.error.providingSystem");
		}
		if (r.fields() == null || r.fields().isEmpty() || r.fields().stream().anyMatch(f -> f.name() == null || !f.name().matches("[a-zA-Z][a-zA-Z0-9]{0,39}")
				|| blank(f.label()) || !FIELD_TYPES.contains(f.type()) || !SENSITIVITIES.contains(f.sensitivity()))
				|| r.fields().stream().map(Field::name).distinct().count() != r.fields().size()) {
			problems.put("fields", "exchange.resource.error.fields");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.sql("""
				insert into exchange_resource (code, name, provider_department_code, subject_kind, sharing_class, update_frequency, legal_basis,
				  providing_system, fields) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
				on conflict (code) do update set name = excluded.name, subject_kind = excluded.subject_kind, sharing_class = excluded.sharing_class,
				  update_frequency = excluded.update_frequency, legal_basis = excluded.legal_basis, providing_system = excluded.providing_system,
				  fields = excluded.fields
				where exchange_resource.provider_department_code = excluded.provider_department_code""")
			.params(r.code(), r.name().strip(), r.providerDepartmentCode(), r.subjectKind(), r.sharingClass(), r.updateFrequency().strip(),
					r.legalBasis().strip(), r.providingSystem().strip(), json.writeValueAsString(r.fields()))
			.update();
		resourceCache.remove(r.code());
		audit.record(AuditTrail.PUBLISH, by, "resource:" + r.code(), "catalogue entry saved: " + r.name() + ", " + r.sharingClass());
		return problems;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** Puts a subject's record of a resource (encrypted; found by the blind index of the ID number or USCC). */
	@Transactional
	public void putRecord(String resourceCode, String subject, Map<String, String> values) {
		jdbc.sql("""
				insert into exchange_record (resource_code, subject_index, data) values (?, ?, ?)
				on conflict (resource_code, subject_index) do update set data = excluded.data, updated_at = now()""")
			.params(resourceCode, keys.blindIndex(subject), keys.encrypt(json.writeValueAsString(values)))
			.update();
	}

	// ---- grants

	private static final String GRANT_COLUMNS = "id, resource_code, consumer_department_code, fields, purpose, legal_basis, status, valid_until, "
			+ "requested_by, decided_by, decided_at, reason, created_at";

	private Grant grant(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Grant(rs.getObject("id", UUID.class), rs.getString("resource_code"), rs.getString("consumer_department_code"),
				Arrays.asList((String[]) rs.getArray("fields").getArray()), rs.getString("purpose"), rs.getString("legal_basis"), rs.getString("status"),
				rs.getObject("valid_until", LocalDate.class), rs.getString("requested_by"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant());
	}

	public Optional<Grant> grant(UUID id) {
		return jdbc.sql("select " + GRANT_COLUMNS + " from exchange_grant where id = ?").param(id).query((rs, n) -> grant(rs)).optional();
	}

	/** The grants a department holds (as consumer), newest first. */
	public List<Grant> grantsHeldBy(String departmentCode) {
		return jdbc.sql("select " + GRANT_COLUMNS + " from exchange_grant where consumer_department_code = ? order by created_at desc")
			.param(departmentCode)
			.query((rs, n) -> grant(rs))
			.list();
	}

	/** The grants of a department's resources (as provider), requests first. */
	public List<Grant> grantsGivenBy(String departmentCode) {
		return jdbc.sql("select " + GRANT_COLUMNS.replace(", ", ", g.").replaceFirst("^", "g.")
				+ " from exchange_grant g join exchange_resource r on r.code = g.resource_code where r.provider_department_code = ?"
				+ " order by (g.status = 'REQUESTED') desc, g.created_at desc")
			.param(departmentCode)
			.query((rs, n) -> grant(rs))
			.list();
	}

	/**
	 * A department asks for a resource: granted at once for 无条件共享, waiting for the provider for 有条件共享, refused for
	 * 不予共享. Answers the problems by field (message codes), or the grant.
	 */
	@Transactional
	public Object requestGrant(String consumerDepartmentCode, String resourceCode, List<String> fields, String purpose, String legalBasis,
			LocalDate validUntil, String by) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<Resource> r = resource(resourceCode == null ? "" : resourceCode);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		if (r.isEmpty()) {
			problems.put("resource", "exchange.grant.error.resource");
		}
		else if (r.get().sharingClass().equals("NONE")) {
			problems.put("resource", "exchange.grant.error.notShared");
		}
		else if (r.get().providerDepartmentCode().equals(consumerDepartmentCode)) {
			problems.put("resource", "exchange.grant.error.own");
		}
		if (fields == null || fields.isEmpty() || r.isPresent() && !r.get().fieldNames().containsAll(fields)) {
			problems.put("fields", "exchange.grant.error.fields");
		}
		if (blank(purpose) || purpose.length() > 200) {
			problems.put("purpose", "exchange.grant.error.purpose");
		}
		if (blank(legalBasis) || legalBasis.length() > 300) {
			problems.put("legalBasis", "exchange.grant.error.legalBasis");
		}
		if (validUntil == null || !validUntil.isAfter(today) || validUntil.isAfter(today.plusYears(3))) {
			problems.put("validUntil", "exchange.grant.error.validUntil");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = UUID.randomUUID();
		boolean atOnce = r.get().sharingClass().equals("UNCONDITIONAL");
		jdbc.sql("insert into exchange_grant (id, resource_code, consumer_department_code, fields, purpose, legal_basis, status, valid_until, requested_by,"
				+ " decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, resourceCode, consumerDepartmentCode, fields.toArray(String[]::new), purpose.strip(), legalBasis.strip(),
					atOnce ? "GRANTED" : "REQUESTED", validUntil, by, atOnce ? "无条件共享" : null, atOnce ? java.sql.Timestamp.from(Instant.now()) : null)
			.update();
		grantCache.clear();
		audit.record(AuditTrail.GRANT, by, "grant:" + id,
				(atOnce ? "granted at once (unconditional) " : "requested ") + resourceCode + " for " + consumerDepartmentCode + " " + fields);
		return grant(id).orElseThrow();
	}

	/** The provider approves or denies a request; a reason is required to deny. */
	@Transactional
	public void decide(UUID id, String providerDepartmentCode, boolean approve, String reason, String by) {
		Grant g = providedGrant(id, providerDepartmentCode);
		if (!g.status().equals("REQUESTED")) {
			throw new DomainException(DomainException.Kind.CONFLICT, "exchange-grant-decided", "already decided");
		}
		if (!approve && blank(reason)) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-grant-reason", "a reason is required");
		}
		jdbc.sql("update exchange_grant set status = ?, decided_by = ?, decided_at = now(), reason = ? where id = ?")
			.params(approve ? "GRANTED" : "DENIED", by, blank(reason) ? null : reason.strip(), id)
			.update();
		grantCache.clear();
		audit.record(AuditTrail.GRANT, by, "grant:" + id, (approve ? "approved " : "denied ") + g.resourceCode() + " for " + g.consumerDepartmentCode()
				+ (blank(reason) ? "" : ": " + reason));
	}

	/** The provider revokes a grant in force, with a reason; lookups under it are refused at once. */
	@Transactional
	public void revoke(UUID id, String providerDepartmentCode, String reason, String by) {
		Grant g = providedGrant(id, providerDepartmentCode);
		if (!g.status().equals("GRANTED")) {
			throw new DomainException(DomainException.Kind.CONFLICT, "exchange-grant-not-granted", "not in force");
		}
		if (blank(reason)) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-grant-reason", "a reason is required");
		}
		jdbc.sql("update exchange_grant set status = 'REVOKED', decided_by = ?, decided_at = now(), reason = ? where id = ?")
			.params(by, reason.strip(), id)
			.update();
		grantCache.clear();
		audit.record(AuditTrail.GRANT, by, "grant:" + id, "revoked " + g.resourceCode() + " for " + g.consumerDepartmentCode() + ": " + reason);
	}

	private Grant providedGrant(UUID id, String providerDepartmentCode) {
		Grant g = grant(id).orElseThrow(() -> DomainException.notFound("grant"));
		if (!resource(g.resourceCode()).orElseThrow().providerDepartmentCode().equals(providerDepartmentCode)) {
			throw DomainException.notFound("grant");
		}
		return g;
	}

	// ---- clients

	public record Client(String clientId, String departmentCode, int ratePerSecond) {
	}

	private final Map<String, Optional<Client>> clientCache = new ConcurrentHashMap<>();

	public Optional<Client> client(String clientId) {
		return clientCache.computeIfAbsent(clientId,
				id -> jdbc.sql("select client_id, department_code, rate_per_second from exchange_client where client_id = ?").param(id).query(Client.class).optional());
	}

	/** Binds a department system (an OAuth2 client with the exchange scope) to the department it reads for. */
	@Transactional
	public void bindClient(String clientId, String departmentCode, int ratePerSecond) {
		jdbc.sql("""
				insert into exchange_client (client_id, department_code, rate_per_second) values (?, ?, ?)
				on conflict (client_id) do update set department_code = excluded.department_code, rate_per_second = excluded.rate_per_second""")
			.params(clientId, departmentCode, ratePerSecond)
			.update();
		clientCache.remove(clientId);
	}

	// ---- lookups

	/**
	 * Serves a lookup and records the read. Refused (and the refusal audited) without purpose or case number (INVALID), for
	 * an unknown resource (NOT_FOUND), without a grant in force, or for a field outside the grant (FORBIDDEN, naming it).
	 * A subject with no record, or none at all, gets an empty list: whether a person is registered is not revealed.
	 * Not a transaction of its own: the read is recorded by the statement that reads the data
	 * ({@link tongban.exchange.internal.ReadRecorder}), committed with it.
	 */
	public Served lookup(Reader reader, Lookup q, boolean recordRead) {
		return serve(reader, q, recordRead ? "SERVED" : null);
	}

	/** Serves a lookup; records the read with this outcome (SERVED, PREFILL), or not at all when null. */
	private Served serve(Reader reader, Lookup q, String outcome) {
		if (blank(q.purpose())) {
			throw refuse(reader, q, new Refusal(DomainException.Kind.INVALID, "exchange-purpose-missing", null, "purpose missing"));
		}
		if (blank(q.caseNumber())) {
			throw refuse(reader, q, new Refusal(DomainException.Kind.INVALID, "exchange-case-missing", null, "case number missing"));
		}
		if (blank(q.subject())) {
			throw refuse(reader, q, new Refusal(DomainException.Kind.INVALID, "exchange-subject-missing", null, "subject missing"));
		}
		Resource r = resource(q.resourceCode()).orElseThrow(() -> refuse(reader, q,
				new Refusal(DomainException.Kind.NOT_FOUND, "exchange-resource-unknown", null, "unknown resource")));
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<Grant> grants = decidedGrants(reader.departmentCode(), r.code());
		Optional<Grant> inForce = grants.stream().filter(g -> g.inForce(today)).findFirst();
		if (inForce.isEmpty()) {
			String code = grants.isEmpty() ? "exchange-no-grant" : grants.getFirst().status().equals("REVOKED") ? "exchange-grant-revoked" : "exchange-grant-expired";
			throw refuse(reader, q, new Refusal(DomainException.Kind.FORBIDDEN, code, null, code));
		}
		Grant g = inForce.get();
		List<String> fields = q.fields() == null || q.fields().isEmpty() ? g.fields() : q.fields();
		for (String f : fields) {
			if (!g.fields().contains(f)) {
				throw refuse(reader, q, new Refusal(DomainException.Kind.FORBIDDEN, "exchange-field-not-granted", f, "field not granted: " + f, f));
			}
		}
		String index = keys.blindIndex(q.subject());
		// the read's record is written by the statement that reads the data, so the data leaves only with its record
		String query = "select data from exchange_record where resource_code = ? and subject_index = ?";
		Optional<String> data = outcome == null ? jdbc.sql(query).params(r.code(), index).query(String.class).optional()
				: recorder.recordWhile(readRecord(reader, r.code(), index, fields, q.purpose().strip(), q.caseNumber().strip(), outcome), query, r.code(),
						index);
		List<Map<String, String>> records = new ArrayList<>();
		data.ifPresent(d -> {
			Map<String, String> all = json.readValue(keys.decrypt(d), VALUES);
			Map<String, String> served = new LinkedHashMap<>();
			fields.forEach(f -> served.put(f, all.getOrDefault(f, "")));
			records.add(served);
		});
		return new Served(r, fields, records, Instant.now());
	}

	private static ReadRecorder.Read readRecord(Reader reader, String resourceCode, String index, List<String> fields, String purpose, String caseNumber,
			String outcome) {
		return new ReadRecorder.Read(reader.actor(), index, resourceCode, reader.departmentCode(), reader.clientId(), reader.staffId(),
				reader.staffName(), List.copyOf(fields), purpose, caseNumber, outcome);
	}

	/**
	 * The department's granted and revoked grants of a resource, newest first. Kept for a second between reads (a lookup
	 * runs on every request); any change of a grant on this node clears them at once, other nodes see it within the second.
	 */
	private List<Grant> decidedGrants(String departmentCode, String resourceCode) {
		String key = departmentCode + "|" + resourceCode;
		long now = System.nanoTime();
		CachedGrants c = grantCache.get(key);
		if (c != null && now - c.at() < 1_000_000_000L) {
			return c.grants();
		}
		List<Grant> grants = jdbc.sql("select " + GRANT_COLUMNS + " from exchange_grant where consumer_department_code = ? and resource_code = ?"
				+ " and status in ('GRANTED', 'REVOKED') order by created_at desc")
			.params(departmentCode, resourceCode)
			.query((rs, n) -> grant(rs))
			.list();
		grantCache.put(key, new CachedGrants(now, grants));
		return grants;
	}

	private record CachedGrants(long at, List<Grant> grants) {
	}

	private final Map<String, CachedGrants> grantCache = new ConcurrentHashMap<>();

	private Refusal refuse(Reader reader, Lookup q, Refusal refusal) {
		separate.executeWithoutResult(s -> audit.record(AuditTrail.DATA_REFUSED, reader.actor(),
				blank(q.subject()) ? null : "subject:" + keys.blindIndex(q.subject()),
				q.resourceCode() + " refused (" + refusal.code() + (refusal.field() == null ? "" : " " + refusal.field()) + ") for "
						+ reader.departmentCode()));
		return refusal;
	}

	/** A staff member shows an ID number or address unmasked: recorded (like every read) as a read of its own. */
	public void recordReveal(Reader reader, String resourceCode, String subject, String field, String purpose, String caseNumber) {
		String index = keys.blindIndex(subject);
		recorder.record(readRecord(reader, resourceCode, index, List.of(field), purpose, caseNumber, "REVEALED"));
		// a reveal is also an entry of its own in the trail, beside the sealed batch that holds its record
		separate.executeWithoutResult(s -> audit.record(AuditTrail.DATA_REVEAL, reader.actor(), "subject:" + index,
				resourceCode + " " + field + " for " + caseNumber));
	}

	// ---- consented prefill (免提交)

	/**
	 * What the government holds for a form (data/exchange/prefill.json): the item's form fields and the resource fields
	 * they come from, offered when the item's department holds a grant in force for all of them.
	 */
	public record PrefillOffer(String itemCode, String resourceCode, String source, String providerName, String resourceName,
			String consumerDepartmentCode, Map<String, String> fields) {
	}

	private record PrefillEntry(String item, String resource, String source, Map<String, String> fields) {
	}

	private volatile List<PrefillEntry> prefillEntries;

	private List<PrefillEntry> prefillEntries() {
		if (prefillEntries == null) {
			try (var in = getClass().getResourceAsStream("/data/exchange/prefill.json")) {
				prefillEntries = json.readValue(in, new TypeReference<List<PrefillEntry>>() {
				});
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		return prefillEntries;
	}

	@Transactional(readOnly = true)
	public Optional<PrefillOffer> prefillOffer(String itemCode, String consumerDepartmentCode) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return prefillEntries().stream().filter(e -> e.item().equals(itemCode)).findFirst().flatMap(e -> resource(e.resource()).flatMap(r -> {
			boolean granted = grantsHeldBy(consumerDepartmentCode).stream()
				.anyMatch(g -> g.resourceCode().equals(r.code()) && g.inForce(today) && g.fields().containsAll(e.fields().values()));
			return granted ? Optional.of(new PrefillOffer(itemCode, r.code(), e.source(),
					directory.departmentByCode(r.providerDepartmentCode()).map(DepartmentView::name).orElse(r.providerDepartmentCode()), r.name(),
					consumerDepartmentCode, e.fields())) : Optional.empty();
		}));
	}

	/**
	 * The applicant consented: reads their own record for the form under the item department's grant, recorded as a
	 * PREFILL read of their data (purpose "免提交" and the item, the draft as the case). Answers form key → value; empty when
	 * the register holds nothing for them.
	 */
	@Transactional
	public Map<String, String> prefill(PrefillOffer offer, String subject, UUID applicantAccountId, String itemName, String caseRef) {
		Served served = serve(new Reader(offer.consumerDepartmentCode(), null, "applicant:" + applicantAccountId, null),
				new Lookup(offer.resourceCode(), subject, List.copyOf(new java.util.LinkedHashSet<>(offer.fields().values())), "免提交：" + itemName + "（申请人同意）",
						caseRef),
				"PREFILL");
		Map<String, String> out = new LinkedHashMap<>();
		if (!served.records().isEmpty()) {
			Map<String, String> rec = served.records().getFirst();
			offer.fields().forEach((formKey, field) -> out.put(formKey, rec.getOrDefault(field, "")));
		}
		return out;
	}

	// ---- who read my data

	public record Access(long id, Instant at, String departmentCode, String departmentName, String reader, String resourceName,
			List<String> fieldLabels, String purpose, String caseNumber, String outcome, boolean reported) {
	}

	private static final String ACCESS_COLUMNS = "a.id, a.at, a.resource_code, a.consumer_department_code, a.client_id, a.staff_name, a.fields, "
			+ "a.purpose, a.case_number, a.outcome";

	/** A read as shown: the staff member's name masked for the subject, in full for supervisors. */
	private Access access(java.sql.ResultSet rs, boolean maskStaff, boolean reported) throws java.sql.SQLException {
		Resource r = resource(rs.getString("resource_code")).orElse(null);
		String dep = rs.getString("consumer_department_code");
		String staff = rs.getString("staff_name");
		return new Access(rs.getLong("id"), rs.getTimestamp("at").toInstant(), dep, directory.departmentByCode(dep).map(DepartmentView::name).orElse(dep),
				"PREFILL".equals(rs.getString("outcome")) ? "" : staff == null ? "系统（" + rs.getString("client_id") + "）" : maskStaff ? Masking.name(staff) : staff,
				r == null ? rs.getString("resource_code") : r.name(),
				Arrays.stream((String[]) rs.getArray("fields").getArray()).map(f -> r == null ? f : r.label(f)).toList(), rs.getString("purpose"),
				rs.getString("case_number"), rs.getString("outcome"), reported);
	}

	/** Every read of the subject's data, newest first: the department, the staff member masked (or the system), fields, purpose, case. */
	@Transactional(readOnly = true)
	public List<Access> readsOf(String subject, UUID reporter, int limit) {
		return jdbc.sql("select " + ACCESS_COLUMNS + """
				, exists (select 1 from exchange_report p where p.access_id = a.id and p.reporter_account = ?) as reported
				from exchange_access a where a.subject_index = ? order by a.at desc, a.id desc limit ?""")
			.params(reporter, keys.blindIndex(subject), limit)
			.query((rs, n) -> access(rs, true, rs.getBoolean("reported")))
			.list();
	}

	// ---- reports of reads

	public record Report(UUID id, long accessId, String regionCode, String reason, String status, String answer, String answeredBy, Instant createdAt,
			Instant answeredAt, Access access) {
	}

	/**
	 * The subject reports a read they find wrong: a ticket for the supervisors of the reading department's region. Only a
	 * read of one's own data can be reported (another's is "not found"), once.
	 */
	@Transactional
	public UUID report(long accessId, String subject, UUID reporter, String reason) {
		String index = keys.blindIndex(subject);
		String dep = jdbc.sql("select consumer_department_code from exchange_access where id = ? and subject_index = ?")
			.params(accessId, index)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("access"));
		if (blank(reason) || reason.length() > 500) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-report-reason", "a reason is required");
		}
		String region = directory.departmentByCode(dep).map(DepartmentView::regionCode).orElse("");
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("insert into exchange_report (id, access_id, reporter_account, region_code, reason, status) values (?, ?, ?, ?, ?, 'OPEN')"
				+ " on conflict (access_id, reporter_account) do nothing")
			.params(id, accessId, reporter, region, reason.strip())
			.update();
		if (inserted == 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "exchange-report-twice", "already reported");
		}
		audit.record(AuditTrail.DATA_READ, "account:" + reporter, "subject:" + index, "read " + accessId + " reported: " + reason.strip());
		return id;
	}

	/** Reports for the supervisors of a region (a region's code covers the regions under it), open ones first. */
	@Transactional(readOnly = true)
	public List<Report> reports(String regionScope) {
		String prefix = regionScope == null ? "" : regionScope.replaceAll("0+$", "");
		return jdbc.sql("""
				select p.id, p.access_id, p.region_code, p.reason, p.status, p.answer, p.answered_by, p.created_at, p.answered_at
				from exchange_report p where p.region_code like ? order by (p.status = 'OPEN') desc, p.created_at desc limit 200""")
			.param(prefix + "%")
			.query((rs, n) -> new Report(rs.getObject("id", UUID.class), rs.getLong("access_id"), rs.getString("region_code"), rs.getString("reason"),
					rs.getString("status"), rs.getString("answer"), rs.getString("answered_by"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(), accessById(rs.getLong("access_id"))))
			.list();
	}

	private Access accessById(long id) {
		return jdbc.sql("select " + ACCESS_COLUMNS + " from exchange_access a where a.id = ?").param(id).query((rs, n) -> access(rs, false, true)).single();
	}

	/** A supervisor answers a report (what was found, what was done). */
	@Transactional
	public void answer(UUID reportId, String regionScope, String answer, String by) {
		if (blank(answer) || answer.length() > 1000) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-report-answer", "an answer is required");
		}
		String prefix = regionScope == null ? "" : regionScope.replaceAll("0+$", "");
		int n = jdbc.sql("update exchange_report set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = now() where id = ? and region_code like ?")
			.params(answer.strip(), by, reportId, prefix + "%")
			.update();
		if (n == 0) {
			throw DomainException.notFound("report");
		}
	}
}
