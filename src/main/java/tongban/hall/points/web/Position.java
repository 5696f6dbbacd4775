package tongban.hall.points.web;

import java.util.Optional;
import java.util.regex.Pattern;

/** A position typed or sent as "lat,lon" in WGS-84 degrees, e.g. "30.27,120.14"; anything else is no position. */
final class Position {

	private static final Pattern DEGREES = Pattern.compile("-?\\d{1,3}(\\.\\d{1,10})?");

	private Position() {
	}

	/** Latitude and longitude, when the text is two numbers within their ranges. */
	static Optional<double[]> parse(String text) {
		if (text == null || text.length() > 40) {
			return Optional.empty();
		}
		String[] parts = text.strip().split("\\s*,\\s*");
		if (parts.length != 2 || !DEGREES.matcher(parts[0]).matches() || !DEGREES.matcher(parts[1]).matches()) {
			return Optional.empty();
		}
		double latitude = Double.parseDouble(parts[0]);
		double longitude = Double.parseDouble(parts[1]);
		if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
			return Optional.empty();
		}
		return Optional.of(new double[] { latitude, longitude });
	}
}
