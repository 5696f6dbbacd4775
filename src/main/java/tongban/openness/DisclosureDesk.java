package tongban.openness;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.DisclosureClock;
import tongban.openness.domain.DisclosureRepository;
import tongban.openness.domain.DisclosureTime;
import tongban.openness.domain.DisclosureTransitions;
import tongban.openness.internal.DisclosureNotices;
import tongban.openness.internal.DisclosureViews;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.Upload;
import tongban.shared.UploadCheck;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/**
 * 依申请公开 as the department handles it (政府信息公开条例 2019, Arts. 30–37): its 信息公开经办人 (DISCLOSURE_OFFICER)
 * asks a 补正 within 7 working days, consults a third party, asks the head for one extension and answers with one of
 * the 条例's outcome types, the information attached and a sealed 告知书; a DEPT_ADMIN of the department (the head of its
 * 政府信息公开工作机构) approves or refuses the extension. Staff see only their department's requests; every step is
 * recorded with the request and in the audit trail.
 */
@Service
@Transactional
public class DisclosureDesk {

	/** The most files an answer carries, and the most bytes each. */
	public static final int MAX_FILES = 5;
	public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
	static final int NOTE_MAX = 2000;

	private final DisclosureRepository repository;
	private final DisclosureViews views;
	private final DisclosureNotices notices;
	private final WorkingCalendars calendars;
	private final DisclosureTime time;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final FileStore files;
	private final DisclosureRequests requests;

	DisclosureDesk(DisclosureRepository repository, DisclosureViews views, DisclosureNotices notices, WorkingCalendars calendars,
			DisclosureTime time, ApplicationEventPublisher events, AuditTrail audit, FileStore files, DisclosureRequests requests) {
		this.repository = repository;
		this.views = views;
		this.notices = notices;
		this.calendars = calendars;
		this.time = time;
		this.events = events;
		this.audit = audit;
		this.files = files;
		this.requests = requests;
	}

	/** Whether the member of staff works on requests at all: an officer or the head of a department. */
	public static boolean handles(StaffMember staff) {
		return staff.departmentCode() != null && staff.hasAny(Role.DISCLOSURE_OFFICER, Role.DEPT_ADMIN);
	}

	/** The department's open requests, the nearest due first; or its concluded ones. */
	@Transactional(readOnly = true)
	public List<DisclosureView> queue(StaffMember staff, boolean open) {
		if (!handles(staff)) {
			return List.of();
		}
		List<DisclosureView> out = new ArrayList<>(repository.ofDepartment(staff.departmentCode(), open).stream().map(views::brief).toList());
		if (open) {
			out.sort((a, b) -> a.clock().due().compareTo(b.clock().due()));
		}
		return out;
	}

	/** A request of the staff member's department (or, for a supervisor, of their region); empty for any other. */
	@Transactional(readOnly = true)
	public Optional<DisclosureView> find(StaffMember staff, String number) {
		return readable(staff, number).map(views::full);
	}

	/** 补正 (Art. 30): once, within 7 working days of receipt, with what to make clear and the period to answer in. */
	public void requestSupplement(StaffMember staff, String number, String note, int periodDays) {
		DisclosureRepository.Row r = officer(staff, number);
		String text = note(note, "disclosure-note-required");
		if (periodDays < 1 || periodDays > DisclosureClock.MAX_SUPPLEMENT_PERIOD) {
			throw invalid("disclosure-period-invalid");
		}
		WorkingCalendar calendar = calendars.current();
		LocalDate today = time.today();
		if (r.supplementRequestedOn() != null) {
			throw conflict("disclosure-supplement-once");
		}
		if (today.isAfter(r.clock().lastSupplementDay(calendar))) {
			throw new DomainException(DomainException.Kind.CONFLICT, "disclosure-supplement-late", "the 7 working days after receipt have passed",
					r.clock().lastSupplementDay(calendar));
		}
		LocalDate until = calendar.addWorkingDays(today, periodDays);
		repository.move(r.id(), Disclosure.Status.RECEIVED, Disclosure.Status.SUPPLEMENT_REQUESTED,
				new DisclosureEvents.SupplementRequested(r.id(), r.number(), text, until),
				"supplement_requested_on = ?, supplement_note = ?, supplement_due = ?, updated_at = now()", today, text, until);
		step(staff, r, "SUPPLEMENT_REQUESTED", text + "（" + until + " 前）");
		notices.supplement(r, text, until, staff.name(), time.now());
	}

	/** 征求第三方意见 (Art. 32): the consultation's time (at most 15 working days) does not count. */
	public void startConsultation(StaffMember staff, String number, String party) {
		DisclosureRepository.Row r = officer(staff, number);
		String who = note(party, "disclosure-party-required");
		if (r.consultationStartedOn() != null) {
			throw conflict("disclosure-consultation-once");
		}
		repository.move(r.id(), Disclosure.Status.RECEIVED, Disclosure.Status.CONSULTING,
				new DisclosureEvents.ConsultationStarted(r.id(), r.number(), who), "consultation_party = ?, consultation_started_on = ?, updated_at = now()",
				who, time.today());
		step(staff, r, "CONSULTATION_STARTED", who);
	}

	/** The third party's opinion (or none within its 15 working days): the clock runs again. */
	public void endConsultation(StaffMember staff, String number, String result) {
		DisclosureRepository.Row r = officer(staff, number);
		String text = note(result, "disclosure-note-required");
		repository.move(r.id(), Disclosure.Status.CONSULTING, Disclosure.Status.RECEIVED, new DisclosureEvents.ConsultationEnded(r.id(), r.number()),
				"consultation_ended_on = ?, consultation_result = ?, updated_at = now()", time.today(), text);
		step(staff, r, "CONSULTATION_ENDED", text);
	}

	/** The officer asks the head for the one extension of Art. 33 (1 to 20 working days), before the period ends. */
	public void requestExtension(StaffMember staff, String number, int days, String reason) {
		DisclosureRepository.Row r = officer(staff, number);
		String text = note(reason, "disclosure-reason-required");
		if (days < 1 || days > DisclosureClock.MAX_EXTENSION) {
			throw invalid("disclosure-extension-days");
		}
		if (r.extensionState() == Disclosure.Extension.APPROVED) {
			throw conflict("disclosure-extension-once");
		}
		if (r.extensionState() == Disclosure.Extension.REQUESTED) {
			throw conflict("disclosure-extension-pending");
		}
		LocalDate today = time.today();
		if (today.isAfter(r.clock().due(calendars.current(), today))) {
			throw conflict("disclosure-extension-late");
		}
		if (!repository.update(r.id(), EnumSet.of(Disclosure.Status.RECEIVED, Disclosure.Status.CONSULTING),
				"extension_state = 'REQUESTED', extension_days = ?, extension_reason = ?, extension_requested_by = ?", days, text, staff.name())) {
			throw conflict(DisclosureTransitions.CONFLICT_CODE);
		}
		step(staff, r, "EXTENSION_REQUESTED", days + " 个工作日：" + text);
	}

	/** The head's decision on the extension asked: approved moves the due date and sends the written notice. */
	public void decideExtension(StaffMember staff, String number, boolean approve) {
		if (!staff.has(Role.DEPT_ADMIN)) {
			throw DomainException.notFound("disclosure");
		}
		DisclosureRepository.Row r = ofDepartment(staff, number).orElseThrow(() -> DomainException.notFound("disclosure"));
		if (r.extensionState() != Disclosure.Extension.REQUESTED) {
			throw conflict("disclosure-extension-none");
		}
		LocalDate today = time.today();
		if (!repository.update(r.id(), EnumSet.of(Disclosure.Status.RECEIVED, Disclosure.Status.CONSULTING),
				"extension_state = ?, extension_decided_by = ?, extension_decided_on = ?", approve ? "APPROVED" : "REFUSED", staff.name(), today)) {
			throw conflict(DisclosureTransitions.CONFLICT_CODE);
		}
		step(staff, r, approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", r.extensionDays() + " 个工作日");
		if (approve) {
			DisclosureRepository.Row moved = repository.byId(r.id()).orElseThrow();
			LocalDate due = moved.clock().due(calendars.current(), today);
			repository.setDue(r.id(), due);
			notices.extension(moved, r.extensionDays(), r.extensionReason(), due, staff.name(), time.now());
			events.publishEvent(new DisclosureEvents.ExtensionApproved(r.id(), r.number(), r.extensionDays(), r.extensionReason(), due));
		}
	}

	/**
	 * The answer (Art. 36): an outcome the officer may choose, the reasons (required unless the information is given in
	 * full), the information as files when it is provided (PDF, OFD, JPEG or PNG, read from the content and checked), and
	 * the sealed 告知书.
	 */
	public void answer(StaffMember staff, String number, Disclosure.Outcome outcome, String note, List<Upload> uploads) {
		DisclosureRepository.Row r = officer(staff, number);
		if (r.status() != Disclosure.Status.RECEIVED) {
			throw conflict(DisclosureTransitions.CONFLICT_CODE);
		}
		if (outcome == null || !outcome.chosenByStaff()) {
			throw invalid("disclosure-outcome-invalid");
		}
		String text = DisclosureRequests.strip(note);
		if (text.length() > NOTE_MAX || (outcome != Disclosure.Outcome.DISCLOSED && text.length() < 4)) {
			throw invalid("disclosure-reason-required");
		}
		List<Upload> given = uploads == null ? List.of() : uploads;
		if (outcome.providesInformation() && given.isEmpty()) {
			throw invalid("disclosure-information-required");
		}
		if (!outcome.providesInformation() && !given.isEmpty()) {
			throw invalid("disclosure-information-not-provided");
		}
		if (given.size() > MAX_FILES) {
			throw invalid("disclosure-too-many-files");
		}
		List<String> types = new ArrayList<>();
		for (Upload u : given) {
			if (u.bytes().length > MAX_FILE_BYTES) {
				throw invalid("disclosure-file-too-large");
			}
			String type = FileTypes.detect(u.bytes()).orElseThrow(() -> invalid("disclosure-file-type"));
			UploadCheck.problem(u.bytes(), type).ifPresent(p -> {
				throw new DomainException(DomainException.Kind.INVALID, p.code(), "the file is refused");
			});
			types.add(type);
		}
		OffsetDateTime now = time.now();
		LocalDate today = time.today();
		repository.move(r.id(), Disclosure.Status.RECEIVED, Disclosure.Status.ANSWERED,
				new DisclosureEvents.RequestAnswered(r.id(), r.number(), r.departmentCode(), outcome),
				"outcome = ?, outcome_note = ?, concluded_on = ?, concluded_by = ?, "
						+ "extension_state = case when extension_state = 'REQUESTED' then 'NONE' else extension_state end, updated_at = now()",
				outcome.name(), text.isEmpty() ? null : text, today, staff.name());
		List<String> names = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Upload u = given.get(i);
			String name = safeName(u.name());
			FileStore.Stored stored = files.put(u.bytes(), types.get(i), name);
			repository.file(r.id(), "INFORMATION", name, stored.id(), stored.sha256(), types.get(i), now);
			names.add(name);
		}
		step(staff, r, "ANSWERED", outcome.label() + (text.isEmpty() ? "" : "：" + text));
		notices.answer(r, outcome, text, names, staff.name(), now);
	}

	/** A review or suit filed over the answer (section 四 of the annual report), or a new result of one recorded. */
	public void recordRemedy(StaffMember staff, String number, Disclosure.RemedyKind kind, Disclosure.RemedyResult result, LocalDate filedOn) {
		DisclosureRepository.Row r = officer(staff, number);
		if (r.status() != Disclosure.Status.ANSWERED) {
			throw conflict("disclosure-not-answered");
		}
		if (kind == null || result == null || filedOn == null || filedOn.isBefore(r.concludedOn()) || filedOn.isAfter(time.today())) {
			throw invalid("disclosure-remedy-invalid");
		}
		repository.addRemedy(r.id(), kind, result, filedOn, staff.name());
		step(staff, r, "REMEDY_RECORDED", kind.label() + "，" + filedOn + "，" + result.label());
	}

	public void updateRemedy(StaffMember staff, String number, long remedyId, Disclosure.RemedyResult result) {
		DisclosureRepository.Row r = officer(staff, number);
		if (result == null || !repository.updateRemedy(r.id(), remedyId, result, staff.name())) {
			throw DomainException.notFound("remedy");
		}
		step(staff, r, "REMEDY_UPDATED", result.label());
	}

	/** A file of a request of the staff member's department. */
	@Transactional(readOnly = true)
	public Optional<DisclosureRequests.Download> download(StaffMember staff, String number, long fileId) {
		return readable(staff, number).flatMap(r -> repository.storedFile(r.id(), fileId)).map(requests::read);
	}

	private Optional<DisclosureRepository.Row> readable(StaffMember staff, String number) {
		Optional<DisclosureRepository.Row> own = ofDepartment(staff, number);
		if (own.isPresent() || !staff.has(Role.SUPERVISOR) || number == null) {
			return own;
		}
		return repository.byNumber(number).filter(r -> views.inRegion(staff.regionScope()).contains(r.departmentCode()));
	}

	private Optional<DisclosureRepository.Row> ofDepartment(StaffMember staff, String number) {
		if (!handles(staff) || number == null) {
			return Optional.empty();
		}
		return repository.byNumber(number).filter(r -> r.departmentCode().equals(staff.departmentCode()));
	}

	private DisclosureRepository.Row officer(StaffMember staff, String number) {
		if (!staff.has(Role.DISCLOSURE_OFFICER)) {
			throw DomainException.notFound("disclosure");
		}
		return ofDepartment(staff, number).orElseThrow(() -> DomainException.notFound("disclosure"));
	}

	private void step(StaffMember staff, DisclosureRepository.Row r, String action, String note) {
		repository.step(r.id(), time.now(), action, staff.name(), note);
		audit.record("DISCLOSURE", "staff:" + staff.id(), "disclosure:" + r.number(), action + (note == null ? "" : " " + note));
		if (r.status().open()) {
			DisclosureRepository.Row now = repository.byId(r.id()).orElseThrow();
			repository.setDue(r.id(), now.clock().due(calendars.current(), time.today()));
		}
	}

	private static String note(String value, String code) {
		String text = DisclosureRequests.strip(value);
		if (text.length() < 2 || text.length() > NOTE_MAX) {
			throw invalid(code);
		}
		return text;
	}

	static String safeName(String name) {
		String safe = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		return safe.isEmpty() ? "政府信息" : safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
	}

	private static DomainException invalid(String code) {
		return new DomainException(DomainException.Kind.INVALID, code, code);
	}

	private static DomainException conflict(String code) {
		return new DomainException(DomainException.Kind.CONFLICT, code, code);
	}
}
