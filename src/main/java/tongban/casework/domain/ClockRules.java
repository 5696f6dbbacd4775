package tongban.casework.domain;

import java.util.List;
import java.util.Optional;

import tongban.casework.CaseView;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.StatutoryClock;

/**
 * The rules of a case's statutory clock (行政许可法 Art. 42, 45): when it runs, what stops it and how far it may be
 * extended. Pure functions of the case and its item's limit, so each rule is tested without a database.
 */
public final class ClockRules {

	/** Special procedures: 行政许可法 Art. 45. */
	public static final List<String> SPECIAL_PROCEDURES = List.of("听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审");

	/** At most this many working days, once (Art. 42). */
	public static final int MAX_EXTENSION = 10;

	/** The catalogue's unit of a limit counted in working days ({@code limitUnit}). */
	public static final String WORKING_DAY = "WORKING_DAY";

	private ClockRules() {
	}

	/**
	 * The case's clock once accepted: the promised limit in working days from acceptance, stopped by special
	 * procedures, moved by an extension. Empty before acceptance, for 即办件 and for limits in natural days.
	 */
	public static Optional<StatutoryClock> clock(CaseView caseView, boolean immediate, int limit, String limitUnit) {
		if (caseView.acceptedAt() == null || immediate || !WORKING_DAY.equals(limitUnit)) {
			return Optional.empty();
		}
		return Optional.of(new StatutoryClock(caseView.acceptedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate(), limit,
				caseView.pauses().stream().map(p -> new StatutoryClock.Pause(p.startedOn(), p.endedOn())).toList(), caseView.extensionDays()));
	}

	/** A special procedure may start on a case under way: one of Art. 45's kinds, with a reason, none running already. */
	public static void checkSpecialStart(CaseView caseView, String kind, String reason) {
		Case.of(caseView).requireUnderway();
		if (!SPECIAL_PROCEDURES.contains(kind) || reason == null || reason.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "special-invalid", "a kind of Art. 45 and a reason");
		}
		if (caseView.paused()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "special-running", "a special procedure is running");
		}
	}

	/** A running special procedure ends with its result. */
	public static void checkSpecialEnd(CaseView caseView, String result) {
		if (!caseView.paused()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "special-none", "no special procedure is running");
		}
		if (result == null || result.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "special-result", "the result is needed");
		}
	}

	/** One extension of 1 to {@link #MAX_EXTENSION} working days on a case under way, with a reason and the approving head. */
	public static void checkExtension(CaseView caseView, int days, String reason, String approvedBy) {
		Case.of(caseView).requireUnderway();
		if (days < 1 || days > MAX_EXTENSION || reason == null || reason.isBlank() || approvedBy == null || approvedBy.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "extension-invalid", "1 to 10 days, a reason and the approving head");
		}
		if (caseView.extensionDays() > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "extension-once", "the limit was extended already");
		}
	}
}
