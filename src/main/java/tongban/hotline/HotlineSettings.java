package tongban.hotline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/**
 * Settings under {@code tongban.hotline.*}. Time limits are written {@code 2h} (clock hours: the hotline works around
 * the clock) or {@code 7wd} (working days by the calendar, due at the end of the last one). Each limit is looked up as
 * {@code TYPE.URGENCY} first, then {@code URGENCY}, so a province can set, say, {@code CONSULT.GENERAL: 3wd}.
 * Defaults follow the Beijing practice cited in 国办发〔2020〕53号's implementation: dispatch within 1 h (emergencies),
 * 2 h (urgent utilities), 24 h (general); answer within 2 h, 24 h, 7 working days, and 15 for complex matters.
 *
 * @param dispatchLimits time to dispatch after intake, by urgency (or type.urgency)
 * @param answerLimits time to answer after dispatch, by urgency (or type.urgency)
 * @param complexLimit answer limit once the department marks a ticket complex (疑难)
 * @param codeValidity how long an SMS code confirming a phone is valid
 * @param maxAttachments how many files a ticket may carry
 * @param maxAttachmentBytes the largest file accepted
 */
@ConfigurationProperties("tongban.hotline")
public record HotlineSettings(Map<String, String> dispatchLimits, Map<String, String> answerLimits, String complexLimit,
		Duration codeValidity, int maxAttachments, long maxAttachmentBytes) {

	public HotlineSettings {
		dispatchLimits = merged(Map.of("EMERGENCY", "1h", "URGENT", "2h", "GENERAL", "24h"), dispatchLimits);
		answerLimits = merged(Map.of("EMERGENCY", "2h", "URGENT", "24h", "GENERAL", "7wd"), answerLimits);
		complexLimit = complexLimit == null || complexLimit.isBlank() ? "15wd" : complexLimit;
		codeValidity = codeValidity == null ? Duration.ofMinutes(10) : codeValidity;
		maxAttachments = maxAttachments <= 0 ? 5 : maxAttachments;
		maxAttachmentBytes = maxAttachmentBytes <= 0 ? 10L * 1024 * 1024 : maxAttachmentBytes;
		for (String spec : dispatchLimits.values()) {
			check(spec);
		}
		for (String spec : answerLimits.values()) {
			check(spec);
		}
		check(complexLimit);
	}

	private static Map<String, String> merged(Map<String, String> defaults, Map<String, String> configured) {
		Map<String, String> m = new LinkedHashMap<>(defaults);
		if (configured != null) {
			// environment variables arrive lower-cased (TONGBAN_HOTLINE_ANSWERLIMITS_GENERAL=5wd → "general")
			configured.forEach((k, v) -> m.put(k.toUpperCase(Locale.ROOT), v));
		}
		return Map.copyOf(m);
	}

	private static void check(String spec) {
		if (spec == null || !spec.matches("\\d{1,4}(h|wd)")) {
			throw new IllegalArgumentException("tongban.hotline limit must look like 2h or 7wd: " + spec);
		}
	}

	public String dispatchLimit(String type, String urgency) {
		return dispatchLimits.getOrDefault(type + "." + urgency, dispatchLimits.get(urgency));
	}

	public String answerLimit(String type, String urgency) {
		return answerLimits.getOrDefault(type + "." + urgency, answerLimits.get(urgency));
	}

	/** When a limit written as {@code 2h} or {@code 7wd} ends, counted from {@code from}. */
	public static OffsetDateTime due(OffsetDateTime from, String spec, WorkingCalendar calendar) {
		check(spec);
		if (spec.endsWith("wd")) {
			int n = Integer.parseInt(spec.substring(0, spec.length() - 2));
			LocalDate day = calendar.addWorkingDays(from.atZoneSameInstant(Clocks.ZONE).toLocalDate(), n);
			return day.plusDays(1).atStartOfDay(Clocks.ZONE).minusSeconds(1).toOffsetDateTime();
		}
		return from.plusHours(Integer.parseInt(spec.substring(0, spec.length() - 1)));
	}
}
