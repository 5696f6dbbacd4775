package tongban.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.domain.Case;
import tongban.casework.domain.CaseRepository;
import tongban.casework.domain.Columns;
import tongban.casework.domain.StatusChange;
import tongban.casework.internal.PromisedDates;
import tongban.catalog.ServiceGuide;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendars;

/**
 * Handling by staff, as the approval module calls it once it has checked the staff member's authority: 受理, 补正
 * (一次性告知), 不予受理, 审查, 决定 and 送达. Each is one move of the case's status graph, written only if the case is
 * still where it was seen, recorded in the case's history under the staff member's name, and published as its event.
 */
@Service
@Transactional
public class Handling {

	private final CaseRepository repository;
	private final Cases cases;
	private final WorkingCalendars calendars;
	private final ApplicationEventPublisher events;
	private final CounterVisits visits;
	private final CaseFees fees;

	Handling(CaseRepository repository, Cases cases, WorkingCalendars calendars, ApplicationEventPublisher events, CounterVisits visits,
			CaseFees fees) {
		this.fees = fees;
		this.repository = repository;
		this.cases = cases;
		this.calendars = calendars;
		this.events = events;
		this.visits = visits;
	}

	/** 受理: a numbered acceptance notice; the promised date now counts from today. */
	public String accept(CaseId caseId, String staffName) {
		Case c = load(caseId);
		StatusChange change = c.moveTo(CaseStatus.ACCEPTED);
		CaseView v = c.state();
		ServiceGuide g = cases.guideOf(v);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		int seq = repository.nextNumber("A-" + v.departmentCode(), LocalDate.of(today.getYear(), 1, 1));
		String no = v.departmentCode() + "-受-" + today.getYear() + "-" + String.format("%05d", seq);
		repository.move(change, Columns.none().set("acceptance_no", no).now("accepted_at")
			.set("promised_date", PromisedDates.from(g, today, calendars.current())));
		record(caseId, staffName, "ACCEPTED", no);
		events.publishEvent(new CaseEvents.CaseAccepted(caseId, v.caseNumber(), no));
		return no;
	}

	/** 一次性告知: every faulty material at once, each with its reason. */
	public void requestSupplements(CaseId caseId, String staffName, Map<Integer, String> reasons) {
		Case c = load(caseId);
		StatusChange change = c.moveTo(CaseStatus.SUPPLEMENT_REQUESTED);
		ServiceGuide g = cases.guideOf(c.state());
		if (reasons.isEmpty() || reasons.keySet().stream().anyMatch(i -> i < 0 || i >= g.materials().size())
				|| reasons.values().stream().anyMatch(r -> r == null || r.isBlank())) {
			throw new DomainException(DomainException.Kind.INVALID, "supplement-invalid", "each material needs a reason");
		}
		List<String> names = new ArrayList<>();
		reasons.forEach((i, r) -> {
			names.add(g.materials().get(i).name());
			repository.requestSupplement(caseId.value(), i, g.materials().get(i).name(), r.strip(), staffName);
		});
		repository.move(change, Columns.none());
		record(caseId, staffName, "SUPPLEMENT_REQUESTED", String.join("、", names));
		events.publishEvent(new CaseEvents.SupplementRequested(caseId, c.state().caseNumber(), names));
	}

	/** 不予受理 with the reasons (a written decision, 行政许可法 Art. 32). */
	public void refuse(CaseId caseId, String staffName, String reason) {
		refuse(caseId, staffName, null, reason);
	}

	/** 不予受理 on a ground of Art. 32 ({@code code}, null when the step gave none) with the reasons. */
	public void refuse(CaseId caseId, String staffName, RefusalReason code, String reason) {
		Case c = load(caseId);
		conclude(c.moveTo(CaseStatus.REFUSED), staffName, "REFUSED", code == null ? reason : "【" + code.label() + "】" + reason);
		events.publishEvent(new CaseEvents.CaseRefused(caseId, c.state().caseNumber(), code, reason));
		events.publishEvent(new CaseEvents.CaseConcluded(caseId, c.state().caseNumber(), CaseOutcome.REFUSED));
	}

	/** A review opinion (one department of several in parallel review). */
	public void review(CaseId caseId, String staffName, String department, String opinion) {
		Case c = load(caseId);
		repository.move(c.moveTo(CaseStatus.IN_REVIEW), Columns.none());
		record(caseId, staffName, "REVIEWED", department + "：" + opinion);
		events.publishEvent(new CaseEvents.CaseReviewed(caseId, c.state().caseNumber(), department));
	}

	/**
	 * 准予 or 不予 with the reasons, by {@code staff} as signed in. A denial concludes the case; an approval waits for
	 * delivery.
	 */
	public void decide(CaseId caseId, StaffMember staff, boolean approve, String reason) {
		String staffName = staff.name();
		Case c = load(caseId);
		StatusChange change = c.moveTo(approve ? CaseStatus.APPROVED : CaseStatus.DENIED);
		String caseNumber = c.state().caseNumber();
		if (approve && cases.deferred(caseId).stream().anyMatch(Deferred::pending)) {
			// 容缺受理: the decision to grant waits until every material promised at acceptance has arrived
			throw new DomainException(DomainException.Kind.CONFLICT, "deferred-pending", "deferred materials not yet delivered");
		}
		if (approve) {
			// 缴费: the person pays before the grant is issued (FeeClearance)
			fees.requireSettled(c.state());
		}
		if (approve) {
			repository.move(change, Columns.none().set("outcome", CaseOutcome.APPROVED.name()));
			record(caseId, staffName, "APPROVED", reason);
			events.publishEvent(new CaseEvents.CaseApproved(caseId, caseNumber, staff));
		}
		else {
			conclude(change, staffName, "DENIED", reason);
			events.publishEvent(new CaseEvents.CaseDenied(caseId, caseNumber, reason));
			events.publishEvent(new CaseEvents.CaseConcluded(caseId, caseNumber, CaseOutcome.DENIED));
		}
	}

	/** 送达: the result is delivered; the case is concluded. */
	public void deliver(CaseId caseId, String staffName, String note) {
		deliver(caseId, staffName, note, null);
	}

	/**
	 * 送达 with the postal delivery staff recorded. A result the applicant chose to receive by post is 送达 only with
	 * its carrier and a well-formed tracking number ({@code delivery-tracking}, {@code delivery-carrier},
	 * {@code delivery-tracking-format}), which the applicant then sees on the case's timeline.
	 */
	public void deliver(CaseId caseId, String staffName, String note, PostalDelivery postal) {
		Case c = load(caseId);
		StatusChange change = c.moveTo(CaseStatus.CONCLUDED);
		String text = note;
		if (c.state().byPost()) {
			if (postal == null) {
				throw new DomainException(DomainException.Kind.INVALID, "delivery-tracking", "a postal delivery needs its tracking number");
			}
			postal.problem().ifPresent(code -> {
				throw new DomainException(DomainException.Kind.INVALID, code, "the postal delivery is not well formed");
			});
			text = postal.text() + (note == null || note.isBlank() ? "" : "。" + note.strip());
		}
		else if (c.state().collectedAtWindow()) {
			// the applicant collects the result at a window: one more visit (跑动)
			visits.record(caseId, CounterVisits.Kind.COLLECTION, staffName);
		}
		conclude(change, staffName, "DELIVERED", text);
		if (c.state().byPost()) {
			events.publishEvent(new ResultPosted(caseId, c.state().caseNumber(), postal.carrier(), postal.trackingNumber()));
		}
		events.publishEvent(new CaseEvents.CaseConcluded(caseId, c.state().caseNumber(), CaseOutcome.APPROVED));
	}

	/** A move into a final status: the outcome is the status unless decided before (an approval then delivered). */
	private void conclude(StatusChange change, String staffName, String action, String note) {
		repository.move(change, Columns.none().keep("outcome", change.to().name()).now("concluded_at"));
		record(CaseId.of(change.caseId()), staffName, action, note);
	}

	private void record(CaseId caseId, String staffName, String action, String note) {
		repository.record(caseId.value(), action, staffName, null, note == null || note.isBlank() ? null : note.strip());
	}

	private Case load(CaseId caseId) {
		return repository.load(caseId.value()).orElseThrow(() -> DomainException.notFound("case"));
	}
}
