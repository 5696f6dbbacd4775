package tongban.directory.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "directory_service_hall")
public class ServiceHall {

	@Id
	private UUID id;
	private String name;
	private String regionCode;
	private String address;
	private String hours;
	private String phone;

	protected ServiceHall() {
	}

	public ServiceHall(String name, String regionCode, String address, String hours, String phone) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.regionCode = regionCode;
		this.address = address;
		this.hours = hours;
		this.phone = phone;
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String address() {
		return address;
	}

	public String hours() {
		return hours;
	}

	public String phone() {
		return phone;
	}
}
