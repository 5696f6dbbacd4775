package tongban.directory.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 窗口: a counter in a service hall, optionally staffed for one department. */
@Entity
@Table(name = "directory_window")
public class HallWindow {

	@Id
	private UUID id;
	private UUID hallId;
	private String number;
	private String name;
	private UUID departmentId;

	protected HallWindow() {
	}

	public HallWindow(UUID hallId, String number, String name, UUID departmentId) {
		this.id = UUID.randomUUID();
		this.hallId = hallId;
		this.number = number;
		this.name = name;
		this.departmentId = departmentId;
	}

	public String number() {
		return number;
	}

	public String name() {
		return name;
	}
}
