package tongban.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.domain.CatalogItem;
import tongban.catalog.domain.CatalogItemRepository;
import tongban.catalog.domain.ItemStatus;
import tongban.catalog.domain.ItemVersion;
import tongban.catalog.domain.ItemVersionRepository;
import tongban.catalog.internal.SearchIndexing;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.shared.ClusterSignals;
import tongban.shared.ClusterVersion;
import tongban.shared.Forgetting;

/** The catalogue module's API: published items, browsing, themes; importing published items. */
@Service
@Transactional(readOnly = true)
public class CatalogManagement {

	private final CatalogItemRepository items;
	private final ItemVersionRepository versions;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final SearchIndexing search;

	private final DirectoryManagement directory;

	CatalogManagement(CatalogItemRepository items, ItemVersionRepository versions, JdbcClient jdbc, JsonMapper json,
			SearchIndexing search, DirectoryManagement directory, ClusterSignals signals) {
		this.directory = directory;
		this.generation = new ClusterVersion(signals, ITEMS_CHANGED, Forgetting.entriesOf(publishedCache));
		this.signals = signals;
		signals.listen(BUNDLES_CHANGED, payload -> bundles = null);
		this.items = items;
		this.versions = versions;
		this.jdbc = jdbc;
		this.json = json;
		this.search = search;
	}

	/** Signal (payload: the item's code) that an item's published version, or what its guide shows, changed. */
	static final String ITEMS_CHANGED = "catalog_items";

	/** Signal that the one-thing bundles changed. */
	static final String BUNDLES_CHANGED = "catalog_bundles";

	private final ClusterSignals signals;

	/**
	 * Published versions never change, so they are kept in memory until a new version is published on any node (its
	 * signal reaches every node after the commit, decision 0043).
	 */
	private final Map<String, Optional<PublishedItem>> publishedCache = new ConcurrentHashMap<>();

	/** Not transactional: a cache hit needs no database connection (a miss loads through the repositories). */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<PublishedItem> published(String code) {
		if (code == null || code.length() > 60) {
			return Optional.empty();
		}
		Optional<PublishedItem> cached = publishedCache.get(code);
		if (cached != null) {
			return cached;
		}
		Optional<PublishedItem> loaded = load(code);
		if (loaded.isPresent()) {
			publishedCache.put(code, loaded);
		}
		return loaded;
	}

	private final ClusterVersion generation;

	/**
	 * Forgets the cached published version of an item, on every node once the change is committed (after publishing a
	 * new one, or changing what its guide page shows).
	 */
	public void evict(String code) {
		generation.changed(code);
	}

	/** Changes whenever anything published changes on any node: pages rendered from an older one are stale. */
	public long generation() {
		return generation.current();
	}

	private Optional<PublishedItem> load(String code) {
		return items.findByCode(code)
			.flatMap(item -> versions.findByItemIdAndStatus(item.id(), ItemStatus.PUBLISHED)
				.map(v -> new PublishedItem(item.code(), v.versionNo(), v.publishedAt(), item.reviewedAt(), guide(v))));
	}

	public ServiceGuide guide(ItemVersion v) {
		return json.readValue(v.guideJson(), ServiceGuide.class);
	}

	public List<Theme> themes() {
		return jdbc.sql("select code, name, audience from catalog_theme order by position").query(Theme.class).list();
	}

	public Page<ItemSummary> browse(ItemFilter f, Pageable page) {
		StringBuilder where = new StringBuilder(" from catalog_item_version v join catalog_item i on i.id = v.item_id"
				+ " where v.status = 'PUBLISHED'");
		List<Object> params = new ArrayList<>();
		if (f.theme() != null) {
			where.append(" and v.themes like ?");
			params.add("%," + f.theme().replace("%", "").replace("_", "") + ",%");
		}
		if (f.department() != null) {
			where.append(" and v.department_code = ?");
			params.add(f.department());
		}
		if (f.type() != null) {
			where.append(" and v.type = ?");
			params.add(f.type());
		}
		if (f.minDepth() != null) {
			where.append(" and v.online_depth >= ?");
			params.add(f.minDepth());
		}
		if (f.maxVisits() != null) {
			where.append(" and v.required_visits <= ?");
			params.add(f.maxVisits());
		}
		if (f.scope() != null) {
			where.append(" and v.scope = ?");
			params.add(f.scope());
		}
		if (f.region() != null) {
			String prefix = ItemFilter.regionPrefix(f.region());
			List<String> codes = directory.departments().stream()
				.filter(d -> d.regionCode() != null && d.regionCode().startsWith(prefix))
				.map(DepartmentView::code)
				.toList();
			where.append(" and v.department_code = any(?)");
			params.add(codes.toArray(String[]::new));
		}
		if (f.servedParty() != null) {
			where.append(" and v.served_party like ?");
			params.add("%" + f.servedParty().replace("%", "") + "%");
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.getPageSize());
		pageParams.add(page.getOffset());
		List<ItemSummary> rows = jdbc.sql("select i.code, v.name, v.type, v.department_code, v.online_depth,"
				+ " v.required_visits, v.scope" + where + " order by i.views desc, i.code limit ? offset ?")
			.params(pageParams)
			.query(ItemSummary.class)
			.list();
		return new PageImpl<>(rows, page, total);
	}

	/** The most viewed published items. */
	public List<ItemSummary> mostUsed(int n) {
		return browse(ItemFilter.any(), Pageable.ofSize(n)).getContent();
	}

	private final Map<String, ServiceGuide> versionCache = new ConcurrentHashMap<>();

	/**
	 * A version that was published (and may since be superseded or withdrawn): what a case filed under it keeps.
	 * Drafts and submitted versions are not returned. Such versions never change, so they are cached.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<ServiceGuide> version(String code, int versionNo) {
		String key = code + "#" + versionNo;
		ServiceGuide cached = versionCache.get(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<ServiceGuide> g = jdbc.sql("select v.guide::text from catalog_item_version v join catalog_item i on i.id = v.item_id "
				+ "where i.code = ? and v.version_no = ? and v.status in ('PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')")
			.params(code, versionNo)
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, ServiceGuide.class));
		g.ifPresent(x -> versionCache.put(key, x));
		return g;
	}

	private volatile List<Bundle> bundles;

	/** A bundle as stored: offered (active) or retired, and who changed it last. */
	public record StoredBundle(Bundle bundle, boolean active, String updatedBy, OffsetDateTime updatedAt) {
	}

	/** Every bundle in catalog_bundle, retired ones included, by code. */
	public List<StoredBundle> storedBundles() {
		return jdbc.sql("select code, name, description, audience, items::text as items, active, updated_by, updated_at from catalog_bundle order by code")
			.query((rs, n) -> new StoredBundle(new Bundle(rs.getString("code"), rs.getString("name"), rs.getString("description"),
					rs.getString("audience"), List.of(json.readValue(rs.getString("items"), String[].class))), rs.getBoolean("active"),
					rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class)))
			.list();
	}

	/** The active one-thing bundles (kept in catalog_bundle, edited in the console) whose items are all published. */
	public List<Bundle> bundles() {
		List<Bundle> all = bundles;
		if (all == null) {
			all = storedBundles().stream().filter(StoredBundle::active).map(StoredBundle::bundle).toList();
			bundles = all;
		}
		return all.stream().filter(b -> b.items().stream().allMatch(c -> published(c).isPresent())).toList();
	}

	/** Forgets the bundles read, after an edit: on every node once the edit is committed. */
	public void bundlesChanged() {
		signals.send(BUNDLES_CHANGED, "");
	}

	public Optional<Bundle> bundle(String code) {
		return bundles().stream().filter(b -> b.code().equals(code)).findFirst();
	}

	/** Other published 业务办理项 under the same 主项 (the hierarchy 主项 → 子项 → 业务办理项), by sub-item then code. */
	public List<ItemSummary> sameMainItem(ServiceGuide g) {
		if (g.mainItem() == null || g.mainItem().isBlank()) {
			return List.of();
		}
		return jdbc.sql("select i.code, v.name, v.type, v.department_code, v.online_depth, v.required_visits, v.scope"
				+ " from catalog_item_version v join catalog_item i on i.id = v.item_id"
				+ " where v.status = 'PUBLISHED' and v.guide->>'mainItem' = ? and i.code <> ?"
				+ " order by v.guide->>'subItem', i.code limit 50")
			.params(g.mainItem(), g.code())
			.query(ItemSummary.class)
			.list();
	}

	/**
	 * Regions to browse by: those of departments that publish items, with every enclosing region (province, city),
	 * ordered by code.
	 */
	public List<Region> browsableRegions() {
		return directory.regionsOf(new HashSet<>(jdbc.sql(
				"select distinct department_code from catalog_item_version where status = 'PUBLISHED'").query(String.class).list()));
	}

	/** Counts views in bulk (the portal flushes its counters periodically). */
	@Transactional
	public void addViews(String code, long n) {
		jdbc.sql("update catalog_item set views = views + ? where code = ?").params(n, code).update();
		jdbc.sql("update catalog_search_document set popularity = popularity + ? where code = ?").params(n, code).update();
	}

	/** Imports a guide as a new, published item (demo data and migrations from other systems). */
	@Transactional
	public void importPublished(ServiceGuide g, UUID actorId, String actorName) {
		List<PublishingGate.Violation> violations = PublishingGate.check(g);
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException(g.code() + " fails the publishing gate: " + violations);
		}
		CatalogItem item = items.saveAndFlush(new CatalogItem(g.code(), g.department()));
		ItemVersion v = new ItemVersion(item.id(), 1, g, json.writeValueAsString(g), actorId);
		v.submit();
		v.publish();
		versions.save(v);
		search.index(g);
		evict(g.code());
		jdbc.sql("insert into catalog_audit (item_id, version_no, actor_id, actor_name, action) values (?, 1, ?, ?, 'IMPORTED')")
			.params(item.id(), actorId, actorName)
			.update();
	}
}
