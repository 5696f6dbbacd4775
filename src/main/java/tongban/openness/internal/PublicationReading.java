package tongban.openness.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.CatalogManagement;
import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRepository;
import tongban.openness.domain.PublicationRow;
import tongban.openness.domain.PublicationStatus;
import tongban.openness.domain.RevisionRow;
import tongban.openness.domain.Validity;

/**
 * Publications as the public reads them: only published ones, and of policies only those 主动公开; withdrawn ones do
 * not exist here. Lists filter on the live revision's facts; a page shows the live revision with its links (the
 * policy's interpretations and 相关办事, the interpretation's policy, the successor of a policy 已修订).
 */
@Service
@Transactional(readOnly = true)
public class PublicationReading {

	/** The public condition, as SQL over openness_publication. */
	static final String PUBLIC = "status = 'PUBLISHED' and (kind <> 'POLICY' or disclosure = 'PROACTIVE')";

	/** Filters of lists; null means any. */
	public record Filter(PublicationKind kind, String department, String topic, Validity validity, Integer year, String category) {

		public static Filter of(PublicationKind kind) {
			return new Filter(kind, null, null, null, null, null);
		}
	}

	/** A catalogue item a policy governs, by code and name (as the catalogue publishes it). */
	public record ItemLink(String code, String name) {
	}

	/** One public page's data. */
	public record PublicView(PublicationRow row, PublicationContent content, int version, List<PublicationRow> interpretations,
			Optional<PublicationRow> policy, Optional<PublicationRow> successor, List<ItemLink> items) {
	}

	private final PublicationRepository repository;
	private final CatalogManagement catalog;

	PublicationReading(PublicationRepository repository, CatalogManagement catalog) {
		this.repository = repository;
		this.catalog = catalog;
	}

	/** The publication of this kind if the public may read it. */
	public Optional<PublicView> page(PublicationKind kind, UUID id) {
		Optional<PublicationRow> row = publicRow(id).filter(r -> r.kind() == kind);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		RevisionRow live = repository.liveRevision(id).orElseThrow();
		PublicationRow r = row.get();
		List<PublicationRow> interpretations = kind == PublicationKind.POLICY
				? repository.where("where policy_id = ? and kind = 'INTERPRETATION' and " + PUBLIC + " order by published_on desc", id)
				: List.of();
		Optional<PublicationRow> policy = r.policyId() == null ? Optional.empty() : publicRow(r.policyId());
		Optional<PublicationRow> successor = r.replacedBy() == null ? Optional.empty() : publicRow(r.replacedBy());
		List<ItemLink> items = new ArrayList<>();
		for (String code : repository.items(id)) {
			catalog.published(code).ifPresent(item -> items.add(new ItemLink(code, item.guide().name())));
		}
		return Optional.of(new PublicView(r, live.content(), live.versionNo(), interpretations, policy, successor, items));
	}

	public Optional<PublicationRow> publicRow(UUID id) {
		return repository.find(id).filter(PublicationRow::isPublic);
	}

	/** The live content of a public publication. */
	public Optional<PublicationContent> content(UUID id) {
		return publicRow(id).flatMap(r -> repository.liveRevision(id)).map(RevisionRow::content);
	}

	public Page<PublicationRow> list(Filter filter, Pageable page) {
		StringBuilder where = new StringBuilder("where " + PUBLIC);
		List<Object> params = new ArrayList<>();
		if (filter.kind() != null) {
			where.append(" and kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.department() != null) {
			where.append(" and (department_code = ? or id in (select publication_id from openness_publication_issuer where department_code = ?))");
			params.add(filter.department());
			params.add(filter.department());
		}
		if (filter.topic() != null) {
			where.append(" and topic = ?");
			params.add(filter.topic());
		}
		if (filter.validity() != null) {
			where.append(" and validity = ?");
			params.add(filter.validity().name());
		}
		if (filter.year() != null) {
			where.append(" and published_on >= ? and published_on < ?");
			params.add(LocalDate.of(filter.year(), 1, 1));
			params.add(LocalDate.of(filter.year() + 1, 1, 1));
		}
		if (filter.category() != null) {
			where.append(" and category = ?");
			params.add(filter.category());
		}
		return repository.page(where.toString(), params, page);
	}

	/** The topics and years that public policies have, for the filters. */
	public List<String> topics() {
		return repository.topics("where kind = 'POLICY' and " + PUBLIC);
	}

	public List<Integer> years() {
		return repository.years("where kind = 'POLICY' and " + PUBLIC);
	}

	/** Public policies that govern a catalogue item: valid ones first, then by date, newest first. */
	public List<PublicationRow> governing(String itemCode) {
		return repository.where("where kind = 'POLICY' and " + PUBLIC
				+ " and id in (select publication_id from openness_publication_item where item_code = ?)"
				+ " order by (validity = 'VALID') desc, published_on desc", itemCode);
	}

	/** Everything public, newest first (sitemap and feeds), at most {@code limit}. */
	public List<PublicationRow> all(int limit) {
		return repository.where("where " + PUBLIC + " order by published_on desc, id limit ?", limit);
	}

}
