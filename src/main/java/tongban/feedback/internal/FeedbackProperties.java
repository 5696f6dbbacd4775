package tongban.feedback.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tongban.feedback} (local rules, so configuration rather than code; see docs/feedback.md).
 *
 * @param verifyDays working days to verify (核实) a bad rating (TONGBAN_FEEDBACK_VERIFY_DAYS, default 1)
 * @param rectifyDays working days after the verification deadline to rectify or explain (TONGBAN_FEEDBACK_RECTIFY_DAYS,
 *     default 5)
 * @param defaultAfterDays natural days after a case concludes until an unrated case gets the default good rating
 *     (TONGBAN_FEEDBACK_DEFAULT_AFTER_DAYS, default 15)
 * @param visitValidity how long the QR code of a counter visit can be used to rate it (TONGBAN_FEEDBACK_VISIT_VALIDITY,
 *     default 24h)
 */
@ConfigurationProperties("tongban.feedback")
public record FeedbackProperties(Integer verifyDays, Integer rectifyDays, Integer defaultAfterDays, Duration visitValidity) {

	public FeedbackProperties {
		verifyDays = verifyDays == null || verifyDays < 1 ? 1 : verifyDays;
		rectifyDays = rectifyDays == null || rectifyDays < 1 ? 5 : rectifyDays;
		defaultAfterDays = defaultAfterDays == null || defaultAfterDays < 1 ? 15 : defaultAfterDays;
		visitValidity = visitValidity == null ? Duration.ofHours(24) : visitValidity;
	}
}
