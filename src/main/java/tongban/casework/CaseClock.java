package tongban.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.domain.CaseRepository;
import tongban.casework.domain.ClockRules;
import tongban.catalog.ServiceGuide;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendars;

/**
 * A case's statutory clock as staff move it (called by the approval module, which has checked the staff member's
 * authority): 特别程序 stops it and its end moves the promised date by the days stopped; one extension moves it by up
 * to 10 working days. The rules themselves are {@link ClockRules}.
 */
@Service
@Transactional
public class CaseClock {

	/** Special procedures: 行政许可法 Art. 45. */
	public static final List<String> SPECIAL_PROCEDURES = ClockRules.SPECIAL_PROCEDURES;

	public static final int MAX_EXTENSION = ClockRules.MAX_EXTENSION;

	private final CaseRepository repository;
	private final Cases cases;
	private final JdbcClient jdbc;
	private final WorkingCalendars calendars;
	private final ApplicationEventPublisher events;

	CaseClock(CaseRepository repository, Cases cases, JdbcClient jdbc, WorkingCalendars calendars, ApplicationEventPublisher events) {
		this.repository = repository;
		this.cases = cases;
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.events = events;
	}

	/** The case's clock once accepted; empty before acceptance, for 即办件 and for limits in natural days ({@link ClockRules#clock}). */
	@Transactional(readOnly = true)
	public Optional<StatutoryClock> clock(CaseView caseView) {
		if (caseView.acceptedAt() == null) {
			return Optional.empty();
		}
		ServiceGuide guide = cases.guideOf(caseView);
		return ClockRules.clock(caseView, guide.immediate(), guide.promisedLimit(), guide.limitUnit());
	}

	/** 特别程序 starts: the clock stops from today; the applicant is told in writing. */
	public void startSpecialProcedure(CaseId caseId, String staffName, String kind, String reason) {
		CaseView c = staffCase(caseId);
		ClockRules.checkSpecialStart(c, kind, reason);
		UUID id = caseId.value();
		jdbc.sql("insert into casework_pause (case_id, kind, reason, started_on, started_by) values (?, ?, ?, ?, ?)")
			.params(id, kind, reason.strip(), LocalDate.now(Clocks.ZONE), staffName)
			.update();
		repository.record(id, "SPECIAL_STARTED", staffName, null, kind + "：" + reason.strip());
		events.publishEvent(new CaseEvents.SpecialProcedureStarted(caseId, c.caseNumber(), kind, reason.strip()));
	}

	/** 特别程序 ends with its result: the clock runs again and the promised date moves by the days stopped. */
	public void endSpecialProcedure(CaseId caseId, String staffName, String result) {
		CaseView c = staffCase(caseId);
		ClockRules.checkSpecialEnd(c, result);
		UUID id = caseId.value();
		jdbc.sql("update casework_pause set ended_on = ?, result = ? where case_id = ? and ended_on is null")
			.params(LocalDate.now(Clocks.ZONE), result.strip(), id)
			.update();
		repository.record(id, "SPECIAL_ENDED", staffName, null, result.strip());
		repromise(caseId);
	}

	/** One extension of at most 10 working days, approved by the head, with the reason told to the applicant. */
	public void extend(CaseId caseId, String staffName, int days, String reason, String approvedBy) {
		CaseView c = staffCase(caseId);
		ClockRules.checkExtension(c, days, reason, approvedBy);
		UUID id = caseId.value();
		jdbc.sql("update casework_case set extension_days = ?, extension_reason = ?, extension_approved_by = ?, updated_at = now(), "
				+ "lock_version = lock_version + 1 where id = ?")
			.params(days, reason.strip(), approvedBy.strip(), id)
			.update();
		repository.record(id, "EXTENDED", staffName, null, days + " 个工作日，" + approvedBy.strip() + " 批准：" + reason.strip());
		repromise(caseId);
		events.publishEvent(new CaseEvents.CaseExtended(caseId, c.caseNumber(), days, reason.strip()));
	}

	/** The promised date as the clock now says, after the clock stopped or moved. */
	private void repromise(CaseId caseId) {
		clock(staffCase(caseId)).ifPresent(k -> repository.promise(caseId.value(), k.due(calendars.current(), LocalDate.now(Clocks.ZONE))));
	}

	private CaseView staffCase(CaseId caseId) {
		return cases.forStaff(caseId).orElseThrow(() -> DomainException.notFound("case"));
	}
}
