package tongban.hall.points;

import java.math.BigDecimal;

import tongban.directory.ServicePoints.ServicePoint;

/** The console's form of a point: what an admin types, checked by {@link PointConsole} before anything is written. */
public class PointForm {

	private String code = "";
	private String name = "";
	private String level = "TOWNSHIP";
	private String township = "";
	private String address = "";
	private String latitude = "";
	private String longitude = "";
	private String hours = "09:00-12:00,13:30-17:00";
	private String phone = "";

	public static PointForm of(ServicePoint p) {
		PointForm f = new PointForm();
		f.code = p.code();
		f.name = p.name();
		f.level = p.level().name();
		f.township = p.townshipCode() == null ? "" : p.townshipCode();
		f.address = p.address();
		f.latitude = plain(p.latitude());
		f.longitude = plain(p.longitude());
		f.hours = p.workdayHours();
		f.phone = p.phone() == null ? "" : p.phone();
		return f;
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getLevel() {
		return level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getTownship() {
		return township;
	}

	public void setTownship(String township) {
		this.township = township;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getLatitude() {
		return latitude;
	}

	public void setLatitude(String latitude) {
		this.latitude = latitude;
	}

	public String getLongitude() {
		return longitude;
	}

	public void setLongitude(String longitude) {
		this.longitude = longitude;
	}

	public String getHours() {
		return hours;
	}

	public void setHours(String hours) {
		this.hours = hours;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}
}
