package tongban.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service item across its versions, owned by one department. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem {

	@Id
	private UUID id;
	private String code;
	private String departmentCode;
	private Instant createdAt;
	private Instant reviewedAt;
	private long views;

	protected CatalogItem() {
	}

	public CatalogItem(String code, String departmentCode) {
		this.id = UUID.randomUUID();
		this.code = code;
		this.departmentCode = departmentCode;
		this.createdAt = Instant.now();
		this.reviewedAt = this.createdAt;
	}

	public void reviewed() {
		this.reviewedAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public String code() {
		return code;
	}

	public String departmentCode() {
		return departmentCode;
	}

	public Instant reviewedAt() {
		return reviewedAt;
	}
}
