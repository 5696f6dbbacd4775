package tongban.hall.points;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Working-day hours as typed in the console: "HH:MM-HH:MM", several sessions separated by commas, e.g.
 * "09:00-12:00,13:30-17:00". Each session must close after it opens and start after the one before it ends, so that
 * {@code ServicePoints.Session.parse} never meets text it cannot read.
 */
public final class WorkdayHours {

	private static final Pattern SESSION = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d");
	static final int MAX_SESSIONS = 4;

	private WorkdayHours() {
	}

	/** The hours in their stored form (spaces removed, full-width punctuation normalised). */
	public static String normalise(String text) {
		return text == null ? "" : text.replaceAll("\\s+", "").replace('，', ',').replace('：', ':').replace('－', '-').replace('—', '-');
	}

	/** The message key of what is wrong with the normalised hours, or empty when they are good. */
	public static Optional<String> problem(String normalised) {
		if (normalised.isEmpty()) {
			return Optional.of("hall.points.error.hours.missing");
		}
		String[] sessions = normalised.split(",", -1);
		if (sessions.length > MAX_SESSIONS) {
			return Optional.of("hall.points.error.hours.many");
		}
		LocalTime previous = null;
		for (String session : sessions) {
			if (!SESSION.matcher(session).matches()) {
				return Optional.of("hall.points.error.hours.format");
			}
			LocalTime opens = LocalTime.parse(session.substring(0, 5));
			LocalTime closes = LocalTime.parse(session.substring(6));
			if (!closes.isAfter(opens) || (previous != null && opens.isBefore(previous))) {
				return Optional.of("hall.points.error.hours.order");
			}
			previous = closes;
		}
		return Optional.empty();
	}
}
