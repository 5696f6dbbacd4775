package tongban.insight.anomalies;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the anomaly rules, under {@code tongban.insight.anomalies.*} (ADR 0026).
 *
 * @param volumeFactor a day's reads must exceed this many times the staff member's own baseline and their peers'
 * @param volumeMinimum and be at least this many
 * @param baselineDays the days before the scanned day that make the baselines (medians of daily counts)
 * @param workStart working hours begin (on working days of the calendar)
 * @param workEnd working hours end
 * @param manyReaders a person read by staff of at least this many departments (with no case of theirs) in a day
 * @param revealWindow a reveal must be followed by a step on its case within this time
 */
@ConfigurationProperties("tongban.insight.anomalies")
public record AnomalySettings(double volumeFactor, int volumeMinimum, int baselineDays, LocalTime workStart, LocalTime workEnd, int manyReaders,
		Duration revealWindow) {

	public AnomalySettings {
		volumeFactor = volumeFactor <= 0 ? 3 : volumeFactor;
		volumeMinimum = volumeMinimum <= 0 ? 20 : volumeMinimum;
		baselineDays = baselineDays <= 0 ? 30 : baselineDays;
		workStart = workStart == null ? LocalTime.of(8, 0) : workStart;
		workEnd = workEnd == null ? LocalTime.of(18, 0) : workEnd;
		manyReaders = manyReaders <= 1 ? 3 : manyReaders;
		revealWindow = revealWindow == null || revealWindow.isNegative() || revealWindow.isZero() ? Duration.ofHours(1) : revealWindow;
		if (!workStart.isBefore(workEnd)) {
			throw new IllegalArgumentException("tongban.insight.anomalies.work-start must be before work-end");
		}
	}

	/** The defaults. */
	public static AnomalySettings defaults() {
		return new AnomalySettings(0, 0, 0, null, null, 0, null);
	}
}
