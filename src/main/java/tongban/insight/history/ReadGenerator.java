package tongban.insight.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tongban.casework.CaseHistory.HistoricCase;
import tongban.exchange.ReadHistory.HistoricRead;
import tongban.identity.HistoryParties.Staff;
import tongban.identity.Party;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/**
 * Reads of shared data (about 40,000): for each case, the department's staff read the applicant's records in office
 * hours while handling it (the population register, and the register of the department's own field), and the
 * prefills of online forms (免提交) were reads too. Planted: the night-time reader ({@link HistoryInput#nightReader()}) reads people's
 * data between 22:00 and 04:00 on {@link #NIGHTS} of the last 30 days, mostly without a case, 王小明 among them on
 * {@link #WANG_NIGHTS} nights.
 */
final class ReadGenerator {

	static final int NIGHTS = 20;
	static final int WANG_NIGHTS = 6;

	/** Resource code → the fields a read takes. */
	private static final Map<String, List<String>> FIELDS = Map.of("XH-GA-RK", List.of("name", "idNumber", "gender", "birthDate", "householdAddress"),
			"XH-MZ-HY", List.of("name", "maritalStatus", "spouseName"), "XH-RLSB-SB", List.of("name", "insuranceType", "status", "employer"),
			"XH-GHZY-BDC", List.of("name", "certificateNumber", "address", "area"), "XH-SCJG-ZT",
			List.of("uscc", "name", "legalRepresentative", "address", "status"));

	/** The register a department's own items read besides the population register. */
	private static final Map<String, String> OWN_REGISTER = Map.of("XH-MZ", "XH-MZ-HY", "XH-RLSB", "XH-RLSB-SB", "XH-GHZY", "XH-GHZY-BDC", "XH-ZJ",
			"XH-GHZY-BDC", "XH-YB", "XH-RLSB-SB");

	private final HistoryInput input;
	private final WorkingCalendar calendar;
	private final Dice dice;
	private final OffsetDateTime end;
	/** Party id → the ID number or USCC whose records are read. */
	private final Map<UUID, String> identifiers = new HashMap<>();

	ReadGenerator(HistoryInput input, HistoryRules rules) {
		this.input = input;
		this.calendar = rules.calendar();
		this.dice = new Dice(input.seed(), "reads");
		this.end = input.today().atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		input.citizens().forEach(a -> identifiers.put(a.party().id(), a.idNumber()));
		input.companies().forEach(a -> identifiers.put(a.party().id(), a.idNumber()));
		if (input.wang() != null) {
			identifiers.put(input.wang().party().id(), input.wang().idNumber());
		}
	}

	List<HistoricRead> generate(List<HistoricCase> cases) {
		List<HistoricRead> reads = new ArrayList<>();
		for (HistoricCase c : cases) {
			caseReads(c, reads);
		}
		nightReads(cases, reads);
		return reads;
	}

	/** While the case was handled: the prefill of an online form, then two to four reads by the department's staff. */
	private void caseReads(HistoricCase c, List<HistoricRead> reads) {
		boolean company = c.party().kind() == Party.Kind.LEGAL_PERSON;
		String subject = subject(c);
		String purpose = "办理“" + c.itemName() + "”核验申请人信息";
		if (!c.prefilled().isEmpty()) {
			reads.add(new HistoricRead(c.submittedAt().minusMinutes(dice.between(2, 20)), subject, "XH-GA-RK", List.of("name", "idNumber"),
					c.departmentCode(), null, null, "免提交：" + c.itemName(), c.caseNumber(), "PREFILL"));
		}
		OffsetDateTime from = c.submittedAt();
		OffsetDateTime until = c.acceptedAt() != null ? c.acceptedAt() : c.concludedAt();
		int n = dice.between(2, 4);
		List<Staff> staff = input.staff().get(c.departmentCode());
		Set<String> made = new HashSet<>();
		for (int k = 0; k < n; k++) {
			String resource = company ? "XH-SCJG-ZT" : k == 1 && OWN_REGISTER.containsKey(c.departmentCode()) ? OWN_REGISTER.get(c.departmentCode()) : "XH-GA-RK";
			Staff reader = dice.pick(staff);
			OffsetDateTime at = officeBetween(from, until);
			// a clerk reveals a masked field just before acting on the case: within half an hour of its next step, in office hours
			boolean reveal = dice.chance(0.05) && revealable(from, until);
			if (reveal) {
				at = until.minusMinutes(dice.between(1, 29));
			}
			// the same clerk reading the same register for the case within one second (a short window clamped to office
			// hours) would be one read twice, which the seal check reads as a copy: the second comes a second later
			while (!made.add(at + "|" + resource + "|" + reader.id() + "|" + reveal)) {
				at = at.plusSeconds(1);
			}
			reads.add(new HistoricRead(at, subject, resource, FIELDS.get(resource), c.departmentCode(), reader.id().toString(), reader.name(), purpose,
					c.caseNumber(), reveal ? "REVEALED" : "SERVED"));
		}
	}

	private String subject(HistoricCase c) {
		return identifiers.get(c.party().id());
	}

	/** Whether the half hour before the step at {@code until} lies after {@code from} and in office hours of a working day. */
	private boolean revealable(OffsetDateTime from, OffsetDateTime until) {
		OffsetDateTime start = until.minusMinutes(30);
		int minute = start.atZoneSameInstant(Clocks.ZONE).getHour() * 60 + start.atZoneSameInstant(Clocks.ZONE).getMinute();
		return start.isAfter(from) && calendar.isWorkingDay(start.atZoneSameInstant(Clocks.ZONE).toLocalDate()) && minute >= 8 * 60 + 30
				&& minute + 30 < 17 * 60 + 30;
	}

	/** A moment in office hours (08:30–17:30 on a working day) between the two, or just after the first. */
	private OffsetDateTime officeBetween(OffsetDateTime from, OffsetDateTime until) {
		OffsetDateTime at = from.plusMinutes((long) (dice.unit() * Math.max(1, Duration.between(from, until).toMinutes())));
		LocalDate day = at.atZoneSameInstant(Clocks.ZONE).toLocalDate();
		int minute = at.atZoneSameInstant(Clocks.ZONE).getHour() * 60 + at.atZoneSameInstant(Clocks.ZONE).getMinute();
		if (!calendar.isWorkingDay(day) || minute < 8 * 60 + 30 || minute >= 17 * 60 + 30) {
			return dice.on(calendar.onOrAfter(minute >= 17 * 60 + 30 ? day.plusDays(1) : day), 8 * 60 + 30, 17 * 60 + 30);
		}
		return at;
	}

	/**
	 * The night-time reader: on {@link #NIGHTS} of the last 30 days, 3 to 8 reads between 22:00 and 04:00, of people in the
	 * population register (王小明 on {@link #WANG_NIGHTS} of those nights); most without a case, some naming another
	 * department's case.
	 */
	private void nightReads(List<HistoricCase> cases, List<HistoricRead> reads) {
		Staff reader = input.nightReader();
		if (reader == null || input.population().isEmpty()) {
			return;
		}
		List<HistoricCase> othersCases = cases.stream().filter(c -> !c.departmentCode().equals(reader.departmentCode())).toList();
		// 王小明 is read on exactly WANG_NIGHTS nights: the other night reads pick among everyone else
		var others = input.wang() == null ? input.population()
				: input.population().stream().filter(person -> !person.idNumber().equals(input.wang().idNumber())).toList();
		if (others.isEmpty()) {
			return;
		}
		Set<LocalDate> nights = new HashSet<>();
		while (nights.size() < NIGHTS) {
			nights.add(input.today().minusDays(dice.between(2, 30)));
		}
		List<LocalDate> ordered = nights.stream().sorted().toList();
		for (int i = 0; i < ordered.size(); i++) {
			LocalDate night = ordered.get(i);
			boolean wang = i % (NIGHTS / WANG_NIGHTS) == 0 && i / (NIGHTS / WANG_NIGHTS) < WANG_NIGHTS && input.wang() != null;
			int n = dice.between(3, 8);
			for (int k = 0; k < n; k++) {
				OffsetDateTime at = night.atStartOfDay(Clocks.ZONE).plusHours(22).plusMinutes(dice.between(0, 6 * 60 - 1)).plusSeconds(dice.between(0, 59))
					.toOffsetDateTime();
				if (!at.isBefore(end)) {
					continue;
				}
				String subject = wang && k == 0 ? input.wang().idNumber() : dice.pick(others).idNumber();
				boolean withCase = !othersCases.isEmpty() && dice.chance(0.3);
				reads.add(new HistoricRead(at, subject, "XH-GA-RK", FIELDS.get("XH-GA-RK"), reader.departmentCode(), reader.id().toString(), reader.name(),
						withCase ? "核验申请人信息" : "信息核查", withCase ? dice.pick(othersCases).caseNumber() : "", "SERVED"));
			}
		}
	}
}
