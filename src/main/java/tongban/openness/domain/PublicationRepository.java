package tongban.openness.domain;

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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.shared.GuardedMoves;

/**
 * The rows of publications and their revisions. A status changes only by {@link #movePublication} and
 * {@link #moveRevision}: guarded updates along {@link PublicationStatus#GRAPH} and {@link RevisionStatus#GRAPH} that
 * publish the edge's event.
 */
@Component
public class PublicationRepository {

	private static final String COLUMNS = """
			id, kind, department_code, status, live_version, title, doc_number, doc_type, topic, category, disclosure,
			published_on, policy_id, validity, validity_on, replaced_by, withdrawn_reason, updated_at""";
	private static final String REVISION_COLUMNS = """
			id, publication_id, version_no, purpose, status, content::text as content, author_id, author_name, submitted_at,
			reviewer_id, reviewer_name, reviewed_at, review_note, created_at""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final GuardedMoves<PublicationStatus> publicationMoves;
	private final GuardedMoves<RevisionStatus> revisionMoves;

	PublicationRepository(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.publicationMoves = new GuardedMoves<>(jdbc, events, PublicationStatus.GRAPH, "openness_publication");
		this.revisionMoves = new GuardedMoves<>(jdbc, events, RevisionStatus.GRAPH, "openness_publication_revision");
	}

	// ---- publications

	public void insert(UUID id, PublicationKind kind, String departmentCode, String demoKey) {
		jdbc.sql("insert into openness_publication (id, kind, department_code, status, demo_key) values (?, ?, ?, ?, ?)")
			.params(id, kind.name(), departmentCode, PublicationStatus.DRAFT.name(), demoKey)
			.update();
	}

	public Optional<PublicationRow> find(UUID id) {
		return one("where id = ?", id);
	}

	public Optional<UUID> byDemoKey(String key) {
		return jdbc.sql("select id from openness_publication where demo_key = ?").param(key).query(UUID.class).optional();
	}

	/** Publications by a condition on their columns (with its parameters). */
	public List<PublicationRow> where(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from openness_publication " + condition).params(Arrays.asList(params)).query(this::map).list();
	}

	private Optional<PublicationRow> one(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from openness_publication " + condition).params(Arrays.asList(params)).query(this::map).optional();
	}

	/** A page of publications matching {@code condition} (a where clause with its parameters), newest first. */
	public Page<PublicationRow> page(String condition, List<Object> params, Pageable page) {
		long total = jdbc.sql("select count(*) from openness_publication " + condition).params(params).query(Long.class).single();
		List<Object> all = new ArrayList<>(params);
		all.add(page.getPageSize());
		all.add(page.getOffset());
		List<PublicationRow> rows = jdbc.sql("select " + COLUMNS + " from openness_publication " + condition
				+ " order by published_on desc nulls last, updated_at desc, id limit ? offset ?")
			.params(all)
			.query(this::map)
			.list();
		return new PageImpl<>(rows, page, total);
	}

	/** The distinct topics of publications matching {@code condition}, sorted. */
	public List<String> topics(String condition) {
		return jdbc.sql("select distinct topic from openness_publication " + condition + " and topic is not null order by topic")
			.query(String.class)
			.list();
	}

	/** The distinct years published of publications matching {@code condition}, newest first. */
	public List<Integer> years(String condition) {
		return jdbc.sql("select distinct extract(year from published_on)::int as y from openness_publication " + condition
				+ " and published_on is not null order by y desc")
			.query(Integer.class)
			.list();
	}

	public void movePublication(UUID id, PublicationStatus from, PublicationStatus to, Object event, String changes, Object... params) {
		publicationMoves.move(id, from, to, event, PublicationStatus.CONFLICT, changes + (changes.isEmpty() ? "" : ", ") + "updated_at = now()",
				params);
	}

	/** Copies the facts of the revision that went live onto the publication, with its issuers and governed items. */
	public void goLive(UUID id, int versionNo, PublicationContent content) {
		jdbc.sql("""
				update openness_publication set live_version = ?, title = ?, doc_number = ?, doc_type = ?, topic = ?, category = ?,
				disclosure = ?, published_on = ?, written_on = ?, effective_on = ?, policy_id = ?, updated_at = now() where id = ?""")
			.params(versionNo, content.title(), blankToNull(content.docNumber()), name(content.docType()), blankToNull(content.topic()), name(content.category()),
					name(content.disclosure()), content.publishedOn(), content.writtenOn(), content.effectiveOn(), content.policyId(), id)
			.update();
		jdbc.sql("delete from openness_publication_issuer where publication_id = ?").param(id).update();
		for (String issuer : content.issuers()) {
			jdbc.sql("insert into openness_publication_issuer (publication_id, department_code) values (?, ?) on conflict do nothing")
				.params(id, issuer)
				.update();
		}
		jdbc.sql("delete from openness_publication_item where publication_id = ?").param(id).update();
		for (String item : content.items()) {
			jdbc.sql("insert into openness_publication_item (publication_id, item_code) values (?, ?) on conflict do nothing")
				.params(id, item)
				.update();
		}
	}

	/** Changes a policy's validity if it is still {@code from}; false when someone changed it first. */
	public boolean changeValidity(UUID id, Validity from, Validity to, UUID replacedBy, LocalDate on) {
		Validity.GRAPH.require(from, to);
		return jdbc.sql("update openness_publication set validity = ?, replaced_by = ?, validity_on = ?, updated_at = now()"
				+ " where id = ? and validity = ?")
			.params(to.name(), replacedBy, on, id, from.name())
			.update() == 1;
	}

	public void touch(UUID id) {
		jdbc.sql("update openness_publication set updated_at = now() where id = ?").param(id).update();
	}

	/** The catalogue items a publication's live revision governs. */
	public List<String> items(UUID id) {
		return jdbc.sql("select item_code from openness_publication_item where publication_id = ? order by item_code").param(id)
			.query(String.class)
			.list();
	}

	public List<String> issuers(UUID id) {
		return jdbc.sql("select department_code from openness_publication_issuer where publication_id = ? order by department_code")
			.param(id)
			.query(String.class)
			.list();
	}

	private PublicationRow map(ResultSet rs, int row) throws SQLException {
		String disclosure = rs.getString("disclosure");
		return new PublicationRow(rs.getObject("id", UUID.class), PublicationKind.valueOf(rs.getString("kind")), rs.getString("department_code"),
				PublicationStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("live_version"), rs.getString("title"),
				rs.getString("doc_number"), rs.getString("doc_type"), rs.getString("topic"), rs.getString("category"),
				disclosure == null ? null : Disclosure.valueOf(disclosure), rs.getObject("published_on", LocalDate.class),
				rs.getObject("policy_id", UUID.class), Validity.valueOf(rs.getString("validity")), rs.getObject("validity_on", LocalDate.class),
				rs.getObject("replaced_by", UUID.class), rs.getString("withdrawn_reason"), rs.getObject("updated_at", OffsetDateTime.class));
	}

	// ---- revisions

	public void insertRevision(UUID id, UUID publicationId, RevisionRow.Purpose purpose, PublicationContent content, UUID authorId,
			String authorName) {
		jdbc.sql("""
				insert into openness_publication_revision (id, publication_id, version_no, purpose, status, content, author_id, author_name)
				values (?, ?, (select coalesce(max(version_no), 0) + 1 from openness_publication_revision where publication_id = ?), ?, ?,
				?::jsonb, ?, ?)""")
			.params(id, publicationId, publicationId, purpose.name(), RevisionStatus.DRAFT.name(), json.writeValueAsString(content), authorId,
					authorName)
			.update();
	}

	/** Replaces the content of a revision still in draft; false when it is no longer a draft. */
	public boolean updateDraft(UUID revisionId, PublicationContent content) {
		return jdbc.sql("update openness_publication_revision set content = ?::jsonb, updated_at = now() where id = ? and status = ?")
			.params(json.writeValueAsString(content), revisionId, RevisionStatus.DRAFT.name())
			.update() == 1;
	}

	public void moveRevision(UUID id, RevisionStatus from, RevisionStatus to, Object event, String changes, Object... params) {
		revisionMoves.move(id, from, to, event, RevisionStatus.CONFLICT, changes + (changes.isEmpty() ? "" : ", ") + "updated_at = now()",
				params);
	}

	public List<RevisionRow> revisions(UUID publicationId) {
		return jdbc.sql("select " + REVISION_COLUMNS + " from openness_publication_revision where publication_id = ? order by version_no desc")
			.param(publicationId)
			.query(this::mapRevision)
			.list();
	}

	/** The revision being drafted or reviewed, if any (at most one). */
	public Optional<RevisionRow> openRevision(UUID publicationId) {
		return revisionIn(publicationId, RevisionStatus.DRAFT, RevisionStatus.IN_REVIEW);
	}

	/** The approved revision the public sees, if any. */
	public Optional<RevisionRow> liveRevision(UUID publicationId) {
		return revisionIn(publicationId, RevisionStatus.APPROVED);
	}

	private Optional<RevisionRow> revisionIn(UUID publicationId, RevisionStatus... statuses) {
		return jdbc.sql("select " + REVISION_COLUMNS + " from openness_publication_revision where publication_id = ? and status = any(?)"
				+ " order by version_no desc limit 1")
			.params(publicationId, Arrays.stream(statuses).map(Enum::name).toArray(String[]::new))
			.query(this::mapRevision)
			.optional();
	}

	private RevisionRow mapRevision(ResultSet rs, int row) throws SQLException {
		return new RevisionRow(rs.getObject("id", UUID.class), rs.getObject("publication_id", UUID.class), rs.getInt("version_no"),
				RevisionRow.Purpose.valueOf(rs.getString("purpose")), RevisionStatus.valueOf(rs.getString("status")),
				json.readValue(rs.getString("content"), PublicationContent.class), rs.getObject("author_id", UUID.class),
				rs.getString("author_name"), rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("reviewer_id", UUID.class),
				rs.getString("reviewer_name"), rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("review_note"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
