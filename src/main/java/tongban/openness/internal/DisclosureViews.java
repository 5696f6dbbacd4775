package tongban.openness.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import tongban.directory.DirectoryManagement;
import tongban.openness.DisclosureView;
import tongban.openness.domain.DisclosureClock;
import tongban.openness.domain.DisclosureRepository;
import tongban.openness.domain.DisclosureTime;
import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/** A request row as a view: the department's name, the clock as it stands today, and the steps, files and remedies. */
@Component
public class DisclosureViews {

	/** Yellow at this many working days left or fewer. */
	static final int WARN_AT = 5;

	private final DisclosureRepository repository;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final DisclosureTime time;

	DisclosureViews(DisclosureRepository repository, DirectoryManagement directory, WorkingCalendars calendars, DisclosureTime time) {
		this.repository = repository;
		this.directory = directory;
		this.calendars = calendars;
		this.time = time;
	}

	/** The view with its steps, files and remedies (a detail page). */
	public DisclosureView full(DisclosureRepository.Row r) {
		return view(r, true);
	}

	/** The view without steps, files and remedies (a list). */
	public DisclosureView brief(DisclosureRepository.Row r) {
		return view(r, false);
	}

	/** The clock of a row today; null once the request is concluded. */
	public DisclosureView.Clock clock(DisclosureRepository.Row r) {
		if (!r.status().open()) {
			return null;
		}
		WorkingCalendar calendar = calendars.current();
		LocalDate today = time.today();
		DisclosureClock clock = r.clock();
		StatutoryClock statutory = clock.statutory(calendar, today);
		LocalDate due = statutory.due(calendar, today);
		int remaining = StatutoryClock.remaining(calendar, today, due);
		return new DisclosureView.Clock(due, remaining, StatutoryClock.level(remaining, statutory.paused(), WARN_AT), statutory.paused(),
				clock.lastSupplementDay(calendar), clock.consultationEnds(calendar));
	}

	private DisclosureView view(DisclosureRepository.Row r, boolean full) {
		String department = directory.departmentNames().getOrDefault(r.departmentCode(), r.departmentCode());
		return new DisclosureView(r.id(), r.number(), r.departmentCode(), department, r.applicantAccountId(), r.applicantName(), r.partyKind(),
				r.partyId(), r.partyName(), r.applicantCategory(), r.description(), r.preferredForm(), r.delivery(), r.purpose(), r.status(),
				r.receivedAt(), r.receivedOn(), r.supplementRequestedOn(), r.supplementNote(), r.supplementDue(), r.supplementAnsweredOn(),
				r.supplementAnswer(), r.consultationParty(), r.consultationStartedOn(), r.consultationEndedOn(), r.consultationResult(),
				r.extensionState(), r.extensionDays(), r.extensionReason(), r.extensionRequestedBy(), r.extensionDecidedBy(), r.outcome(),
				r.outcomeNote(), r.concludedOn(), clock(r), full ? repository.steps(r.id()) : List.of(),
				full ? repository.files(r.id()) : List.of(), full ? repository.remedies(r.id()) : List.of());
	}

	/** The codes of the departments in a region (a six-digit code; 330100 covers the whole city); empty for anything else. */
	public List<String> inRegion(String region) {
		if (region == null || !region.matches("\\d{6}")) {
			return List.of();
		}
		String prefix = region;
		while (prefix.length() > 2 && prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		String within = prefix;
		return directory.departments().stream().filter(d -> d.regionCode() != null && d.regionCode().startsWith(within)).map(d -> d.code()).toList();
	}
}
