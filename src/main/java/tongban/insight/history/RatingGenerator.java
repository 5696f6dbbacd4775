package tongban.insight.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import tongban.casework.CaseHistory.HistoricCase;
import tongban.casework.CaseOutcome;
import tongban.feedback.Level;
import tongban.feedback.RatingHistory.HistoricRating;
import tongban.feedback.RatingHistory.Rectification;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/**
 * Ratings of the historic cases (about 8,000): somewhat over half of the concluded cases are rated, most by their
 * applicant within days, the rest by default after 15 days. Late cases and cases with two 补正 rounds are rated badly
 * far more often, with the matching tag; every bad rating was rectified, most within the deadlines, some late.
 */
final class RatingGenerator {

	/** Share of concluded (not withdrawn) cases that have a rating. */
	static final double RATED = 0.55;
	/** Share of ratings the applicant gave (the others are default ratings). */
	static final double ACTIVE = 0.65;
	/** Days after conclusion when an unrated case gets its default rating. */
	static final int DEFAULT_AFTER_DAYS = 15;
	/** Share of rectifications done after their deadline. */
	static final double LATE_RECTIFICATION = 0.2;

	private static final List<String> COMMENTS_GOOD = List.of("窗口工作人员很耐心，一次就办好了。", "网上申请很方便，不用跑腿。", "办理速度快，点赞。");
	private static final List<String> COMMENTS_BAD = List.of("等了很久才办结，也没人告知进度。", "材料让补了两次，希望一次说清楚。", "来回跑了好几趟。");
	private static final List<String> GOOD_TAGS = List.of("FAST", "GUIDE_CLEAR", "ONE_VISIT", "COURTEOUS", "EASY_ONLINE");

	private final HistoryRules rules;
	private final WorkingCalendar calendar;
	private final Dice dice;
	private final OffsetDateTime end;

	RatingGenerator(HistoryInput input, HistoryRules rules) {
		this.rules = rules;
		this.calendar = rules.calendar();
		this.dice = new Dice(input.seed(), "ratings");
		this.end = input.today().atStartOfDay(Clocks.ZONE).toOffsetDateTime();
	}

	List<HistoricRating> generate(List<HistoricCase> cases) {
		List<HistoricRating> ratings = new ArrayList<>();
		for (HistoricCase c : cases) {
			if (c.outcome() == CaseOutcome.WITHDRAWN || !dice.chance(RATED)) {
				continue;
			}
			boolean late = c.acceptedAt() != null && day(c.concludedAt()).isAfter(c.promisedDate());
			boolean active = dice.chance(ACTIVE);
			OffsetDateTime at = active ? c.concludedAt().plusHours(dice.between(1, 24 * 5)) : c.concludedAt().plusDays(DEFAULT_AFTER_DAYS);
			if (!at.isBefore(end)) {
				continue;
			}
			Level level = active ? level(late, c.supplementRounds().size() > 1) : Level.SATISFIED;
			List<String> tags = level.bad() ? List.of(badTag(c, late)) : active && dice.chance(0.5) ? List.of(dice.pick(GOOD_TAGS)) : List.of();
			String comment = !active || !dice.chance(0.3) ? null : dice.pick(level.bad() ? COMMENTS_BAD : COMMENTS_GOOD);
			Rectification rectification = null;
			if (level.bad()) {
				rectification = rectification(at, c.staffName());
				if (rectification == null) {
					continue;
				}
			}
			ratings.add(new HistoricRating(dice.id(), c.id(), c.caseNumber(), c.itemName(), c.departmentCode(), c.regionCode(), c.party().id(),
					active ? c.applicantAccountId() : null, level, tags, comment, active, at, rectification));
		}
		return ratings;
	}

	private Level level(boolean late, boolean twoRounds) {
		double bad = late ? 0.45 : twoRounds ? 0.3 : 0.05;
		double draw = dice.unit();
		if (draw < bad) {
			return dice.chance(0.35) ? Level.VERY_DISSATISFIED : Level.DISSATISFIED;
		}
		draw = dice.unit();
		return draw < 0.72 ? Level.VERY_SATISFIED : draw < 0.92 ? Level.SATISFIED : Level.BASICALLY_SATISFIED;
	}

	private String badTag(HistoricCase c, boolean late) {
		if (late) {
			return "OVERDUE";
		}
		if (c.supplementRounds().size() > 1) {
			return "EXTRA_MATERIALS";
		}
		return c.visits().size() > 2 ? "MULTIPLE_VISITS" : "ATTITUDE";
	}

	/** Verified, rectified and revisited, within the deadlines or (now and then) after them; null when not yet done by today. */
	private Rectification rectification(OffsetDateTime rated, String staffName) {
		LocalDate opened = day(rated);
		boolean lateOne = dice.chance(LATE_RECTIFICATION);
		OffsetDateTime verified = dice.office(rules.verifyDue(opened).minusDays(dice.between(0, 1)), calendar);
		if (!verified.isAfter(rated)) {
			verified = rated.plusHours(1);
		}
		LocalDate rectifyDue = rules.rectifyDue(opened);
		LocalDate rectifiedOn = lateOne ? calendar.addWorkingDays(rectifyDue, dice.between(1, 6))
				: calendar.addWorkingDays(day(verified), dice.between(0, 2));
		if (!lateOne && rectifiedOn.isAfter(rectifyDue)) {
			rectifiedOn = rectifyDue;
		}
		OffsetDateTime rectified = dice.office(rectifiedOn, calendar);
		if (rectified.isBefore(verified)) {
			rectified = verified.plusHours(1);
		}
		OffsetDateTime revisited = dice.office(calendar.addWorkingDays(day(rectified), 1), calendar);
		return revisited.isBefore(end) ? new Rectification(verified, rectified, revisited, staffName) : null;
	}

	private static LocalDate day(OffsetDateTime at) {
		return at.atZoneSameInstant(Clocks.ZONE).toLocalDate();
	}
}
