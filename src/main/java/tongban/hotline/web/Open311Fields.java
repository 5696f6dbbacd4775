package tongban.hotline.web;

import java.math.BigDecimal;

import tongban.hotline.NewTicket;

/** How Open311 fields map to a ticket's: the names a client knows, and the content of a request without a description. */
final class Open311Fields {

	private Open311Fields() {
	}

	/**
	 * GeoReport v2, POST Service Request: {@code description} is optional, "up to 4,000 characters". A ticket needs a
	 * matter to handle, so a request without one (or with only a word or two) reads as its service and location, e.g.
	 * "路灯不亮（文三路学院路口）"; a longer one is taken as written.
	 */
	static String content(String description, String serviceName, String address, BigDecimal lat, BigDecimal lon) {
		if (description.length() >= NewTicket.MIN_DESCRIPTION) {
			return description;
		}
		String where = !address.isEmpty() ? address : lat != null && lon != null ? "坐标 " + lat.toPlainString() + ", " + lon.toPlainString() : "";
		String matter = where.isEmpty() ? serviceName : serviceName + "（" + where + "）";
		return description.isEmpty() ? matter : matter + "：" + description;
	}

	/** The Open311 name of a field the module refused. */
	static String name(String field) {
		return switch (field) {
			case "type" -> "attribute[type]";
			case "regionCode" -> "attribute[region]";
			case "phoneCode" -> "attribute[phone_code]";
			case "categoryCode" -> "service_code";
			case "address" -> "address_string";
			case "lat" -> "lat/long";
			case "contactName" -> "first_name/last_name";
			default -> field;
		};
	}
}
