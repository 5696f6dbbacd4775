package tongban.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.PauseView;
import tongban.shared.DomainException;
import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendar;

/** The statutory clock's rules (行政许可法 Art. 42, 45) without a database. */
class ClockRulesTest {

	/** Monday 2026-11-02, 09:00 in Beijing. */
	private static final OffsetDateTime ACCEPTED = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));

	private static CaseView accepted(List<PauseView> pauses, int extensionDays) {
		return CaseViews.with(CaseStatus.ACCEPTED, ACCEPTED, pauses, extensionDays);
	}

	private static String code(Runnable rule) {
		try {
			rule.run();
			return null;
		}
		catch (DomainException e) {
			return e.code();
		}
	}

	@Test
	void theClockRunsOnlyOnceAcceptedForALimitInWorkingDays() {
		assertThat(ClockRules.clock(CaseViews.in(CaseStatus.SUBMITTED), false, 10, "WORKING_DAY")).as("before acceptance").isEmpty();
		assertThat(ClockRules.clock(accepted(List.of(), 0), true, 0, "WORKING_DAY")).as("即办件").isEmpty();
		assertThat(ClockRules.clock(accepted(List.of(), 0), false, 20, "NATURAL_DAY")).as("natural days").isEmpty();
		StatutoryClock clock = ClockRules.clock(accepted(List.of(), 3), false, 10, "WORKING_DAY").orElseThrow();
		assertThat(clock.start()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(clock.limit()).isEqualTo(10);
		assertThat(clock.extension()).isEqualTo(3);
	}

	@Test
	void aSpecialProcedureStopsTheClockAndItsDaysMoveTheDueDate() {
		WorkingCalendar calendar = WorkingCalendar.ofShipped();
		LocalDate today = LocalDate.of(2026, 11, 20);
		// 10 working days from Monday 2 November: Monday 16 November
		assertThat(ClockRules.clock(accepted(List.of(), 0), false, 10, "WORKING_DAY").orElseThrow().due(calendar, today))
			.isEqualTo(LocalDate.of(2026, 11, 16));
		// a hearing from Wednesday 4 to Monday 9 November stops 3 working days (5, 6, 9): Thursday 19 November
		var hearing = new PauseView("听证", "申请人要求听证", LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 9), "听证完毕");
		assertThat(ClockRules.clock(accepted(List.of(hearing), 0), false, 10, "WORKING_DAY").orElseThrow().due(calendar, today))
			.isEqualTo(LocalDate.of(2026, 11, 19));
	}

	@Test
	void aSpecialProcedureNeedsAKindOfArticle45AReasonAndNoneRunning() {
		assertThat(code(() -> ClockRules.checkSpecialStart(accepted(List.of(), 0), "听证", "申请人要求听证"))).isNull();
		assertThat(code(() -> ClockRules.checkSpecialStart(accepted(List.of(), 0), "喝茶", "理由"))).isEqualTo("special-invalid");
		assertThat(code(() -> ClockRules.checkSpecialStart(accepted(List.of(), 0), "检测", " "))).isEqualTo("special-invalid");
		var running = new PauseView("检测", "抽样", LocalDate.of(2026, 11, 4), null, null);
		assertThat(code(() -> ClockRules.checkSpecialStart(accepted(List.of(running), 0), "听证", "又一个"))).isEqualTo("special-running");
		assertThat(code(() -> ClockRules.checkSpecialStart(CaseViews.in(CaseStatus.SUBMITTED), "听证", "理由"))).as("not yet accepted")
			.isEqualTo("case-state");
		assertThat(code(() -> ClockRules.checkSpecialStart(CaseViews.in(CaseStatus.APPROVED), "听证", "理由"))).as("decided")
			.isEqualTo("case-state");
	}

	@Test
	void aSpecialProcedureEndsWithItsResultOnlyWhileRunning() {
		var running = new PauseView("检测", "抽样", LocalDate.of(2026, 11, 4), null, null);
		assertThat(code(() -> ClockRules.checkSpecialEnd(accepted(List.of(running), 0), "合格"))).isNull();
		assertThat(code(() -> ClockRules.checkSpecialEnd(accepted(List.of(running), 0), ""))).isEqualTo("special-result");
		assertThat(code(() -> ClockRules.checkSpecialEnd(accepted(List.of(), 0), "合格"))).isEqualTo("special-none");
	}

	@Test
	void oneExtensionOfOneToTenWorkingDaysWithAReasonAndTheApprovingHead() {
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 0), 10, "情况复杂", "张局长"))).isNull();
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 0), 1, "情况复杂", "张局长"))).isNull();
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 0), 11, "情况复杂", "张局长"))).isEqualTo("extension-invalid");
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 0), 0, "情况复杂", "张局长"))).isEqualTo("extension-invalid");
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 0), 5, null, "张局长"))).isEqualTo("extension-invalid");
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 0), 5, "情况复杂", " "))).isEqualTo("extension-invalid");
		assertThat(code(() -> ClockRules.checkExtension(accepted(List.of(), 5), 5, "再延", "张局长"))).isEqualTo("extension-once");
		assertThat(code(() -> ClockRules.checkExtension(CaseViews.in(CaseStatus.SUBMITTED), 5, "情况复杂", "张局长"))).isEqualTo("case-state");
	}
}
