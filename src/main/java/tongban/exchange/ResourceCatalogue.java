package tongban.exchange;

import static tongban.exchange.Texts.blank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.directory.DirectoryManagement;
import tongban.shared.ClusterSignals;
import tongban.shared.Forgetting;
import tongban.shared.DataKeys;

/**
 * The resource catalogue (政务信息资源目录): what each department's registers hold and how they are shared, and the
 * registers' records (encrypted, found by the blind index of the subject's ID number or USCC).
 */
@Service
public class ResourceCatalogue {

	public static final List<String> SHARING_CLASSES = List.of("UNCONDITIONAL", "CONDITIONAL", "NONE");
	public static final List<String> SENSITIVITIES = List.of("PUBLIC", "INTERNAL", "PERSONAL", "SENSITIVE");
	public static final List<String> FIELD_TYPES = List.of("string", "date", "number", "idNumber", "uscc", "address");

	private static final TypeReference<List<Resource.Field>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final AuditTrail audit;
	private final DirectoryManagement directory;
	private final ApplicationEventPublisher events;
	private final Map<String, Resource> resourceCache = new ConcurrentHashMap<>();

	/** Signal (payload: the resource's code) that a catalogue entry changed. */
	private static final String RESOURCE_CHANGED = "exchange_resources";

	private final ClusterSignals signals;

	ResourceCatalogue(JdbcClient jdbc, JsonMapper json, DataKeys keys, AuditTrail audit, DirectoryManagement directory,
			ApplicationEventPublisher events, ClusterSignals signals) {
		this.signals = signals;
		signals.listen(RESOURCE_CHANGED, Forgetting.entriesOf(resourceCache));
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.audit = audit;
		this.directory = directory;
	}

	public List<Resource> resources() {
		return jdbc.sql("select code from exchange_resource order by provider_department_code, code")
			.query(String.class)
			.list()
			.stream()
			.map(code -> resource(code).orElseThrow())
			.toList();
	}

	public Optional<Resource> resource(String code) {
		Resource cached = resourceCache.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Resource> found = jdbc.sql("""
				select code, name, provider_department_code, subject_kind, sharing_class, update_frequency, legal_basis, providing_system,
				  fields::text as fields from exchange_resource where code = ?""")
			.param(code)
			.query((rs, n) -> new Resource(rs.getString("code"), rs.getString("name"), rs.getString("provider_department_code"),
					rs.getString("subject_kind"), rs.getString("sharing_class"), rs.getString("update_frequency"), rs.getString("legal_basis"),
					rs.getString("providing_system"), json.readValue(rs.getString("fields"), FIELDS)))
			.optional();
		found.ifPresent(resource -> resourceCache.put(code, resource));
		return found;
	}

	/**
	 * Registers or changes a resource of the department; answers the problems (message codes by field), empty when saved.
	 */
	@Transactional
	public Map<String, String> saveResource(Resource resource, String savedBy) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (resource.code() == null || !resource.code().matches("[A-Z0-9][A-Z0-9-]{2,39}")) {
			problems.put("code", "exchange.resource.error.code");
		}
		if (resource.name() == null || resource.name().isBlank() || resource.name().length() > 100) {
			problems.put("name", "exchange.resource.error.name");
		}
		if (directory.departmentByCode(resource.providerDepartmentCode()).isEmpty()) {
			problems.put("provider", "exchange.resource.error.provider");
		}
		if (!List.of("PERSON", "COMPANY").contains(resource.subjectKind())) {
			problems.put("subjectKind", "exchange.resource.error.subjectKind");
		}
		if (!SHARING_CLASSES.contains(resource.sharingClass())) {
			problems.put("sharingClass", "exchange.resource.error.sharingClass");
		}
		if (blank(resource.updateFrequency())) {
			problems.put("updateFrequency", "exchange.resource.error.updateFrequency");
		}
		if (blank(resource.legalBasis())) {
			problems.put("legalBasis", "exchange.resource.error.legalBasis");
		}
		if (blank(resource.providingSystem())) {
			problems.put("providingSystem", "exchange.resource.error.providingSystem");
		}
		List<Resource.Field> fields = resource.fields();
		if (fields == null || fields.isEmpty() || fields.stream().anyMatch(f -> f.name() == null || !f.name().matches("[a-zA-Z][a-zA-Z0-9]{0,39}")
				|| blank(f.label()) || !FIELD_TYPES.contains(f.type()) || !SENSITIVITIES.contains(f.sensitivity()))
				|| fields.stream().map(Resource.Field::name).distinct().count() != fields.size()) {
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
			.params(resource.code(), resource.name().strip(), resource.providerDepartmentCode(), resource.subjectKind(), resource.sharingClass(),
					resource.updateFrequency().strip(), resource.legalBasis().strip(), resource.providingSystem().strip(), json.writeValueAsString(fields))
			.update();
		signals.send(RESOURCE_CHANGED, resource.code());
		audit.record(AuditTrail.PUBLISH, savedBy, "resource:" + resource.code(), "catalogue entry saved: " + resource.name() + ", " + resource.sharingClass());
		return problems;
	}

	/**
	 * Puts a subject's record of a resource (encrypted; found by the blind index of the ID number or USCC) and publishes
	 * {@link RegisterRecordChanged}.
	 */
	@Transactional
	public void putRecord(String resourceCode, String subject, Map<String, String> values) {
		jdbc.sql("""
				insert into exchange_record (resource_code, subject_index, data) values (?, ?, ?)
				on conflict (resource_code, subject_index) do update set data = excluded.data, updated_at = now()""")
			.params(resourceCode, keys.blindIndex(subject), keys.encrypt(json.writeValueAsString(values)))
			.update();
		events.publishEvent(new RegisterRecordChanged(resourceCode, keys.blindIndex(subject)));
	}
}
