package tongban.proactive.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.exchange.ResourceOpenness;
import tongban.exchange.ResourceOpenness.OpenClass;
import tongban.proactive.opendata.DatasetStatus.DatasetPublished;
import tongban.proactive.opendata.DatasetStatus.DatasetWithdrawn;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * The portal's datasets: their metadata, what the public may see, and the moves of their status by the providing
 * department's admin (DRAFT → PUBLISHED → WITHDRAWN, audited). Publishing makes the rows first when there are none and
 * refuses when the privacy scan finds personal data in them, or when a dataset of a register's rows is more open than
 * the register's open class (a 不予开放 register is published only as aggregates).
 */
@Service
public class Datasets {

	static final String TABLE = "proactive_opendata_dataset";
	private static final String COLUMNS = "id, title, description, publisher, theme, keywords, update_frequency, licence, spatial, temporal_from,"
			+ " temporal_to, source, open_class, columns::text as columns, status, version, row_count, issued_at, modified_at, generated_at";
	private static final TypeReference<List<Column>> DICTIONARY = new TypeReference<>() {
	};

	/** The portal's licence: CC BY 4.0 (attribution), as the portal's terms say. */
	public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

	/** A search of the public list; null or blank means any. */
	public record Filter(String text, String theme, String publisher, String format, String openClass) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditTrail audit;
	private final DatasetGeneration generation;
	private final GuardedMoves<DatasetStatus> moves;
	private final TransactionTemplate tx;
	private final ResourceOpenness openness;

	Datasets(JdbcClient jdbc, JsonMapper json, AuditTrail audit, DatasetGeneration generation, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, ResourceOpenness openness) {
		this.tx = new TransactionTemplate(transactions);
		this.openness = openness;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.generation = generation;
		this.moves = new GuardedMoves<>(jdbc, events, DatasetStatus.GRAPH, TABLE);
	}

	private Dataset dataset(ResultSet rs) throws SQLException {
		return new Dataset(rs.getString("id"), rs.getString("title"), rs.getString("description"), rs.getString("publisher"), rs.getString("theme"),
				Arrays.asList((String[]) rs.getArray("keywords").getArray()), rs.getString("update_frequency"), rs.getString("licence"),
				rs.getString("spatial"), rs.getObject("temporal_from", LocalDate.class), rs.getObject("temporal_to", LocalDate.class),
				rs.getString("source"), rs.getString("open_class"), json.readValue(rs.getString("columns"), DICTIONARY),
				DatasetStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getLong("row_count"), instant(rs, "issued_at"),
				instant(rs, "modified_at"), instant(rs, "generated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	/** A dataset by id, whatever its status. */
	@Transactional(readOnly = true)
	public Optional<Dataset> find(String id) {
		if (id == null || !id.matches("[a-z0-9-]{1,80}")) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where id = ?").param(id).query((rs, n) -> dataset(rs)).optional();
	}

	/** A dataset the public may see: published or withdrawn (a withdrawn one says so); a draft is not found. */
	public Dataset visible(String id) {
		return find(id).filter(d -> d.status() != DatasetStatus.DRAFT).orElseThrow(() -> DomainException.notFound("dataset"));
	}

	/** A dataset whose data may be served: published; anything else is not found. */
	public Dataset served(String id) {
		return find(id).filter(Dataset::published).orElseThrow(() -> DomainException.notFound("dataset"));
	}

	/**
	 * The published datasets matching the filter, by title. Every dataset has the API; the files (CSV, JSON, XLSX) are
	 * open downloads only for 无条件开放 ones, so a file format keeps those.
	 */
	@Transactional(readOnly = true)
	public List<Dataset> published(Filter filter) {
		String text = blank(filter.text()) ? null : "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where status = 'PUBLISHED'"
				+ " and (cast(? as text) is null or title ilike ? or description ilike ? or array_to_string(keywords, ' ') ilike ?)"
				+ " and (cast(? as text) is null or theme = ?) and (cast(? as text) is null or publisher = ?) and (cast(? as text) is null or open_class = ?)"
				+ " order by title")
			.params(text, text, text, text, nullIfBlank(filter.theme()), nullIfBlank(filter.theme()), nullIfBlank(filter.publisher()),
					nullIfBlank(filter.publisher()), nullIfBlank(filter.openClass()), nullIfBlank(filter.openClass()))
			.query((rs, n) -> dataset(rs))
			.list()
			.stream()
			.filter(d -> blank(filter.format()) || "api".equalsIgnoreCase(filter.format())
					|| TableWriter.Format.of(filter.format()) != null && !d.conditional())
			.toList();
	}

	/** The themes of published datasets. */
	@Transactional(readOnly = true)
	public List<String> themes() {
		return jdbc.sql("select distinct theme from " + TABLE + " where status = 'PUBLISHED' order by theme").query(String.class).list();
	}

	/** The department codes publishing datasets. */
	@Transactional(readOnly = true)
	public List<String> publishers() {
		return jdbc.sql("select distinct publisher from " + TABLE + " where status = 'PUBLISHED' order by publisher").query(String.class).list();
	}

	/** A department's datasets, every status. */
	@Transactional(readOnly = true)
	public List<Dataset> ofDepartment(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from " + TABLE + " where publisher = ? order by title")
			.param(departmentCode)
			.query((rs, n) -> dataset(rs))
			.list();
	}

	/**
	 * Registers a dataset as a draft, its data dictionary the source's (the demo and the tests define datasets this way).
	 */
	@Transactional
	public Dataset define(Dataset definition, String by) {
		if (!definition.id().matches("[a-z0-9-]{1,80}")) {
			throw new DomainException(DomainException.Kind.INVALID, "opendata-dataset-id", "dataset id");
		}
		Dataset dataset = new Dataset(definition.id(), definition.title(), definition.description(), definition.publisher(), definition.theme(),
				definition.keywords(), definition.updateFrequency(), definition.licence(), definition.spatial(), definition.temporalFrom(),
				definition.temporalTo(), definition.source(), definition.openClass(), generation.source(definition.source()).columns(),
				DatasetStatus.DRAFT, 0, 0, null, null, null);
		jdbc.sql("insert into " + TABLE + " (id, title, description, publisher, theme, keywords, update_frequency, licence, spatial, temporal_from,"
				+ " temporal_to, source, open_class, columns, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'DRAFT')")
			.params(dataset.id(), dataset.title(), dataset.description(), dataset.publisher(), dataset.theme(), dataset.keywords().toArray(String[]::new),
					dataset.updateFrequency(), dataset.licence(), dataset.spatial(), dataset.temporalFrom(), dataset.temporalTo(), dataset.source(),
					dataset.openClass(), json.writeValueAsString(dataset.columns()))
			.update();
		audit.record(AuditTrail.PUBLISH, by, "dataset:" + dataset.id(), "open-data dataset defined: " + dataset.title());
		return find(dataset.id()).orElseThrow();
	}

	/**
	 * The department's admin publishes a draft or withdrawn dataset: its rows are made now when it has none, and the
	 * privacy scan over them must pass (a finding refuses, code {@code opendata-privacy}). Another department's dataset is
	 * not found.
	 */
	public void publish(String id, String departmentCode, String by) {
		Dataset dataset = own(id, departmentCode);
		DatasetStatus.GRAPH.require(dataset.status(), DatasetStatus.PUBLISHED);
		String register = generation.source(dataset.source()).rowsOf();
		if (register != null) {
			OpenClass open = openness.openClass(register).orElse(OpenClass.NOT_OPEN);
			if (open == OpenClass.NOT_OPEN || open == OpenClass.CONDITIONAL && !dataset.conditional()) {
				throw new DomainException(DomainException.Kind.INVALID, "opendata-not-open", "the register is " + open);
			}
		}
		if (dataset.version() == 0) {
			generation.generate(dataset);
		}
		generation.requireClean(find(id).orElseThrow());
		moveAudited(dataset, DatasetStatus.PUBLISHED, new DatasetPublished(id, by), by, "published",
				"issued_at = coalesce(issued_at, now()), modified_at = now()");
	}

	/** The department's admin withdraws a published dataset with a reason: its page stays, its data is no longer served. */
	public void withdraw(String id, String departmentCode, String reason, String by) {
		Dataset dataset = own(id, departmentCode);
		if (blank(reason) || reason.length() > 500) {
			throw new DomainException(DomainException.Kind.INVALID, "opendata-withdraw-reason", "reason", "a reason is required");
		}
		moveAudited(dataset, DatasetStatus.WITHDRAWN, new DatasetWithdrawn(id, by, reason.strip()), by, "withdrawn: " + reason.strip(),
				"modified_at = now()");
	}

	private void moveAudited(Dataset dataset, DatasetStatus to, Object event, String by, String what, String changes) {
		tx.executeWithoutResult(status -> {
			moves.move(dataset.id(), dataset.status(), to, event, "opendata-dataset-moved", changes);
			audit.record(AuditTrail.PUBLISH, by, "dataset:" + dataset.id(), "open-data dataset " + what);
		});
	}

	/** A dataset of the department; another's is not found. */
	public Dataset own(String id, String departmentCode) {
		return find(id).filter(d -> d.publisher().equals(departmentCode)).orElseThrow(() -> DomainException.notFound("dataset"));
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String nullIfBlank(String text) {
		return blank(text) ? null : text.strip();
	}
}
