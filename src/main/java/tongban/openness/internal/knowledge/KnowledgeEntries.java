package tongban.openness.internal.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tongban.shared.GuardedMoves;

/** The knowledge entries' table (openness_knowledge_entry). Lists are kept one item a line. */
@Repository
public class KnowledgeEntries {

	static final String COLUMNS = "id, origin, source_key, question, variants, answer, department_code, items, owner, review_on, sources,"
			+ " source_title, source_path, status, updated_by, updated_at";

	private final JdbcClient jdbc;
	private final GuardedMoves<KnowledgeStatus> moves;

	KnowledgeEntries(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.moves = new GuardedMoves<>(jdbc, events, KnowledgeStatus.GRAPH, "openness_knowledge_entry");
	}

	public Optional<KnowledgeEntry> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from openness_knowledge_entry where id = ?").param(id).query(KnowledgeEntries::row).optional();
	}

	/** The entries with these ids, in the order of the ids (missing ones left out). */
	public List<KnowledgeEntry> all(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<KnowledgeEntry> found = jdbc.sql("select " + COLUMNS + " from openness_knowledge_entry where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query(KnowledgeEntries::row)
			.list();
		List<KnowledgeEntry> ordered = new ArrayList<>();
		for (UUID id : ids) {
			found.stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(ordered::add);
		}
		return ordered;
	}

	/** Active entries, newest first, optionally of one origin; a page of them and their number. */
	public List<KnowledgeEntry> active(KnowledgeOrigin origin, int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + " from openness_knowledge_entry where status = 'ACTIVE' and (?::text is null or origin = ?)"
				+ " order by updated_at desc, question limit ? offset ?")
			.params(origin == null ? null : origin.name(), origin == null ? null : origin.name(), limit, offset)
			.query(KnowledgeEntries::row)
			.list();
	}

	public long countActive(KnowledgeOrigin origin) {
		return jdbc.sql("select count(*) from openness_knowledge_entry where status = 'ACTIVE' and (?::text is null or origin = ?)")
			.params(origin == null ? null : origin.name(), origin == null ? null : origin.name())
			.query(Long.class)
			.single();
	}

	/** Curated entries of a department (every department's for null), active first, by question. */
	public List<KnowledgeEntry> curated(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from openness_knowledge_entry where origin = 'CURATED' and (?::text is null or department_code = ?)"
				+ " order by status, question")
			.params(departmentCode, departmentCode)
			.query(KnowledgeEntries::row)
			.list();
	}

	/** Inserts or replaces the entry with the same origin and source key; the stored entry (its id kept if it existed). */
	public KnowledgeEntry save(KnowledgeEntry e) {
		return jdbc.sql("insert into openness_knowledge_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
				+ " on conflict (origin, source_key) do update set question = excluded.question, variants = excluded.variants,"
				+ " answer = excluded.answer, department_code = excluded.department_code, items = excluded.items, owner = excluded.owner,"
				+ " review_on = excluded.review_on, sources = excluded.sources, source_title = excluded.source_title,"
				+ " source_path = excluded.source_path, updated_by = excluded.updated_by, updated_at = now()"
				+ " returning " + COLUMNS)
			.params(e.id(), e.origin().name(), e.sourceKey(), e.question(), lines(e.variants()), e.answer(), e.departmentCode(),
					lines(e.items()), e.owner(), e.reviewOn(), sources(e.sources()), e.sourceTitle(), e.sourcePath(),
					e.status().name(), e.updatedBy())
			.query(KnowledgeEntries::row)
			.single();
	}

	/** Entries taken from one source whose keys start with {@code prefix} (e.g. a guide's code and '#'). */
	public List<KnowledgeEntry> fromSource(KnowledgeOrigin origin, String prefix) {
		return jdbc.sql("select " + COLUMNS + " from openness_knowledge_entry where origin = ? and starts_with(source_key, ?)")
			.params(origin.name(), prefix)
			.query(KnowledgeEntries::row)
			.list();
	}

	/** Every source key of one origin. */
	public List<String> keys(KnowledgeOrigin origin) {
		return jdbc.sql("select source_key from openness_knowledge_entry where origin = ?").param(origin.name()).query(String.class).list();
	}

	public void delete(UUID id) {
		jdbc.sql("delete from openness_knowledge_entry where id = ?").param(id).update();
	}

	public void move(UUID id, KnowledgeStatus from, KnowledgeStatus to, Object event, String actor) {
		moves.move(id, from, to, event, KnowledgeStatus.GRAPH.conflictCode(), "updated_by = ?, updated_at = now()", actor);
	}

	private static String lines(List<String> values) {
		return String.join("\n", values);
	}

	private static String sources(List<KnowledgeEntry.Source> sources) {
		return String.join("\n", sources.stream().map(s -> s.title().replace('\t', ' ') + "\t" + s.url()).toList());
	}

	private static List<String> split(String text) {
		return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
	}

	static KnowledgeEntry row(ResultSet rs, int row) throws SQLException {
		List<KnowledgeEntry.Source> sources = split(rs.getString("sources")).stream().map(l -> {
			int tab = l.indexOf('\t');
			return tab < 0 ? new KnowledgeEntry.Source(l, "") : new KnowledgeEntry.Source(l.substring(0, tab), l.substring(tab + 1));
		}).toList();
		return new KnowledgeEntry(rs.getObject("id", UUID.class), KnowledgeOrigin.valueOf(rs.getString("origin")), rs.getString("source_key"),
				rs.getString("question"), split(rs.getString("variants")), rs.getString("answer"), rs.getString("department_code"),
				split(rs.getString("items")), rs.getString("owner"), rs.getObject("review_on", LocalDate.class), sources,
				rs.getString("source_title"), rs.getString("source_path"), KnowledgeStatus.valueOf(rs.getString("status")),
				rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
	}
}
