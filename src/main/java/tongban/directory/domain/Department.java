package tongban.directory.domain;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import tongban.directory.DepartmentView;
import tongban.shared.Uscc;

@Entity
@Table(name = "directory_department")
public class Department {

	@Id
	private UUID id;
	private String code;
	private String name;
	private String shortName;
	private String uscc;
	private String regionCode;
	private UUID parentId;
	private String phone;
	private String email;
	private String address;
	@Version
	private long version;

	protected Department() {
	}

	public Department(String code, String name, String shortName, Uscc uscc, String regionCode, UUID parentId,
			String phone, String email, String address) {
		this.id = UUID.randomUUID();
		this.code = code;
		this.name = name;
		this.shortName = shortName;
		this.uscc = uscc.value();
		this.regionCode = regionCode;
		this.parentId = parentId;
		this.phone = phone;
		this.email = email;
		this.address = address;
	}

	public UUID id() {
		return id;
	}

	/** Counts the changes of departments written on this node, so the departments read before are read again. */
	private static final AtomicLong CHANGES = new AtomicLong();

	/** How many departments this node has written since it started. */
	public static long changes() {
		return CHANGES.get();
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void changed() {
		CHANGES.incrementAndGet();
	}

	public DepartmentView view() {
		return new DepartmentView(id, code, name, shortName, uscc, regionCode, parentId, phone, email, address);
	}
}
