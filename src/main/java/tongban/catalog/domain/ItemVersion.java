package tongban.catalog.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import tongban.catalog.ServiceGuide;

/**
 * One version of an item's guide. The guide is a JSON document; the columns beside it repeat what browsing filters
 * on. Optimistic locking ({@code lock_version}) refuses the second of two concurrent saves of a draft.
 */
@Entity
@Table(name = "catalog_item_version")
public class ItemVersion {

	@Id
	private UUID id;
	private UUID itemId;
	private int versionNo;
	@Enumerated(EnumType.STRING)
	private ItemStatus status;
	@JdbcTypeCode(SqlTypes.JSON)
	private String guide;
	private String name;
	private String type;
	private String departmentCode;
	private int onlineDepth;
	private int requiredVisits;
	private String scope;
	private String servedParty;
	private String themes;
	private Instant updatedAt;
	private UUID updatedBy;
	private Instant publishedAt;
	@Version
	private long lockVersion;

	protected ItemVersion() {
	}

	public ItemVersion(UUID itemId, int versionNo, ServiceGuide g, String guideJson, UUID updatedBy) {
		this.id = UUID.randomUUID();
		this.itemId = itemId;
		this.versionNo = versionNo;
		this.status = ItemStatus.DRAFT;
		this.updatedBy = updatedBy;
		replace(g, guideJson, updatedBy);
	}

	/** Replaces the content of a draft. */
	public void replace(ServiceGuide g, String guideJson, UUID by) {
		if (status != ItemStatus.DRAFT) {
			throw new IllegalStateException("only a draft changes");
		}
		this.guide = guideJson;
		this.name = g.name();
		this.type = g.type().name();
		this.departmentCode = g.department();
		this.onlineDepth = g.onlineDepth();
		this.requiredVisits = g.requiredVisits();
		this.scope = g.scope();
		this.servedParty = g.servedParty().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.themes = "," + String.join(",", g.themes()) + ",";
		this.updatedAt = Instant.now();
		this.updatedBy = by;
	}

	public void submit() {
		move(ItemStatus.DRAFT, ItemStatus.SUBMITTED);
	}

	public void returnToDraft() {
		move(ItemStatus.SUBMITTED, ItemStatus.DRAFT);
	}

	public void publish() {
		move(ItemStatus.SUBMITTED, ItemStatus.PUBLISHED);
		publishedAt = Instant.now();
	}

	public void supersede() {
		move(ItemStatus.PUBLISHED, ItemStatus.SUPERSEDED);
	}

	public void withdraw() {
		move(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN);
	}

	private void move(ItemStatus from, ItemStatus to) {
		if (status != from) {
			throw new IllegalStateException(status + " cannot become " + to);
		}
		status = to;
		updatedAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public UUID itemId() {
		return itemId;
	}

	public int versionNo() {
		return versionNo;
	}

	public ItemStatus status() {
		return status;
	}

	public String guideJson() {
		return guide;
	}

	public String name() {
		return name;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public long lockVersion() {
		return lockVersion;
	}
}
