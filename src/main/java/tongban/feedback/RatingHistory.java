package tongban.feedback;

import static tongban.shared.Batches.at;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.feedback.internal.FeedbackProperties;
import tongban.shared.Batches;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.WorkingCalendar;

/**
 * History import (docs/decisions/0028): ratings of historic cases (一事一评) written straight into the feedback tables in
 * batches, bad ones with their rectification already closed (on time or late), then the monthly aggregate rebuilt from
 * the ratings ({@link RatingStatistics#rebuild()}) so the public statistics count them like live ones. No invitation,
 * no message, no event.
 */
@Service
public class RatingHistory {

	/** The closed 整改 of a bad rating: when it was verified, rectified and the rater revisited, by whom. */
	public record Rectification(OffsetDateTime verifiedAt, OffsetDateTime rectifiedAt, OffsetDateTime revisitedAt, String staffName) {
	}

	/**
	 * A rating of a concluded case, given by the rater (active) or by default after the waiting period; its month is the
	 * month it was given in.
	 */
	public record HistoricRating(UUID id, UUID caseId, String caseNumber, String itemName, String departmentCode, String regionCode, UUID partyId,
			UUID raterAccountId, Level level, List<String> tags, String comment, boolean active, OffsetDateTime createdAt,
			Rectification rectification) {

		public HistoricRating {
			tags = List.copyOf(tags);
		}

		public LocalDate month() {
			return createdAt.atZoneSameInstant(Clocks.ZONE).toLocalDate().withDayOfMonth(1);
		}
	}

	private final JdbcTemplate jdbc;
	private final DataKeys keys;
	private final FeedbackProperties properties;
	private final RatingStatistics statistics;

	RatingHistory(JdbcTemplate jdbc, DataKeys keys, FeedbackProperties properties, RatingStatistics statistics) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.properties = properties;
		this.statistics = statistics;
	}

	/** The verification deadline of a bad rating given on {@code day}, as a live one gets it. */
	public LocalDate verifyDue(LocalDate day, WorkingCalendar calendar) {
		return calendar.addWorkingDays(day, properties.verifyDays());
	}

	/** The rectification deadline of a bad rating given on {@code day}. */
	public LocalDate rectifyDue(LocalDate day, WorkingCalendar calendar) {
		return calendar.addWorkingDays(verifyDue(day, calendar), properties.rectifyDays());
	}

	/** Writes the ratings and their rectifications, then rebuilds the monthly statistics; in the caller's transaction. */
	@Transactional
	public void importRatings(List<HistoricRating> ratings, WorkingCalendar calendar) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> tasks = new ArrayList<>();
		for (HistoricRating r : ratings) {
			rows.add(new Object[] { r.id(), Channel.ONLINE.name(), r.caseId(), r.itemName() + "（" + r.caseNumber() + "）", r.departmentCode(),
					r.regionCode(), r.partyId(), r.raterAccountId(), r.level().value(), r.tags().toArray(String[]::new),
					r.comment() == null ? null : keys.encrypt(r.comment()), r.active(), r.month(), at(r.createdAt()) });
			Rectification done = r.rectification();
			if (done != null) {
				LocalDate opened = r.createdAt().atZoneSameInstant(Clocks.ZONE).toLocalDate();
				LocalDate verifyDue = verifyDue(opened, calendar);
				LocalDate rectifyDue = rectifyDue(opened, calendar);
				boolean onTime = !day(done.verifiedAt()).isAfter(verifyDue) && !day(done.rectifiedAt()).isAfter(rectifyDue);
				tasks.add(new Object[] { UUID.nameUUIDFromBytes(("rectification:" + r.id()).getBytes()), r.id(), r.departmentCode(), r.regionCode(),
						RectificationStatus.CLOSED.name(), opened, verifyDue, rectifyDue, at(done.verifiedAt()), done.staffName(), "情况属实",
						at(done.rectifiedAt()), done.staffName(), RectificationOutcome.RECTIFIED.name(), "已向申请人说明并改进办理流程", onTime,
						at(done.revisitedAt()), done.staffName(), keys.encrypt("申请人认可整改情况"), at(r.createdAt()) });
			}
		}
		Batches.write(jdbc, """
				insert into feedback_rating (id, channel, case_id, subject_label, department_code, region_code, party_id, rater_account_id, level,
				  tags, comment, active, month, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		Batches.write(jdbc, """
				insert into feedback_rectification (id, rating_id, department_code, region_code, status, opened_on, verify_due, rectify_due,
				  verified_at, verified_by, verification, rectified_at, rectified_by, outcome, rectification, on_time, revisited_at, revisited_by,
				  revisit_note, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tasks);
		statistics.rebuild();
	}

	private static LocalDate day(OffsetDateTime at) {
		return at.atZoneSameInstant(Clocks.ZONE).toLocalDate();
	}
}
