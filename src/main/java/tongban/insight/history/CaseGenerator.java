package tongban.insight.history;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tongban.casework.CaseHistory;
import tongban.casework.CaseHistory.HistoricCase;
import tongban.casework.CaseOutcome;
import tongban.exchange.PrefillOffer;
import tongban.identity.HistoryParties.Applicant;
import tongban.identity.HistoryParties.Staff;
import tongban.identity.Party;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/**
 * The year's concluded cases: about 15,000 over the published items, weighted by item (a fixed draw per item), by
 * weekday (Mondays busiest, the counters closed on days off, when only online applications come in) and by season
 * (区教育局's enrolment items in summer, social insurance in January and July); dates from the owning modules' rules.
 * The planted late department {@link #LATE_DEPARTMENT} concludes about a quarter of its cases after the promised date,
 * the others about 2 %.
 */
final class CaseGenerator {

	static final int CASES = 15_000;
	static final String LATE_DEPARTMENT = "XH-ZJ";
	static final double LATE_SHARE = 0.25;
	static final double USUAL_LATE_SHARE = 0.02;
	/** Share of online applications of an item with a prefill offer that took it. */
	static final double PREFILLED = 0.8;
	/** How many historic cases the demo citizen 王小明 has. */
	static final int WANG_CASES = 3;

	private static final Map<DayOfWeek, Double> WEEKDAY = Map.of(DayOfWeek.MONDAY, 1.3, DayOfWeek.TUESDAY, 1.1, DayOfWeek.WEDNESDAY, 1.0,
			DayOfWeek.THURSDAY, 0.95, DayOfWeek.FRIDAY, 0.85, DayOfWeek.SATURDAY, 1.0, DayOfWeek.SUNDAY, 1.0);
	/** Share of a day off's applications against a working day's (online only). */
	private static final double DAY_OFF = 0.15;

	private final HistoryInput input;
	private final HistoryRules rules;
	private final WorkingCalendar calendar;
	private final Dice dice;
	private final OffsetDateTime end;

	CaseGenerator(HistoryInput input, HistoryRules rules) {
		this.input = input;
		this.rules = rules;
		this.calendar = rules.calendar();
		this.dice = new Dice(input.seed(), "cases");
		this.end = input.today().atStartOfDay(Clocks.ZONE).toOffsetDateTime();
	}

	/** Cases in the order they were submitted. */
	List<HistoricCase> generate() {
		List<HistoryItem> items = input.items();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = input.today().minusDays(365); d.isBefore(input.today()); d = d.plusDays(1)) {
			days.add(d);
		}
		double[] itemWeight = new double[items.size()];
		for (int i = 0; i < items.size(); i++) {
			itemWeight[i] = Math.exp(dice.gaussian() * 0.8) * (items.get(i).immediate() ? 1.5 : 1.0);
		}
		double[] cumulative = new double[days.size() * items.size()];
		double total = 0;
		for (int d = 0; d < days.size(); d++) {
			LocalDate day = days.get(d);
			boolean working = calendar.isWorkingDay(day);
			for (int i = 0; i < items.size(); i++) {
				HistoryItem item = items.get(i);
				double w = itemWeight[i] * WEEKDAY.get(day.getDayOfWeek()) * season(item, day);
				total += working ? w : w * DAY_OFF * onlineShare(item);
				cumulative[d * items.size() + i] = total;
			}
		}
		int count = (int) Math.round(CASES * input.scale());
		Map<String, Integer> serials = new HashMap<>();
		List<HistoricCase> cases = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			int cell = cell(cumulative, dice.unit() * total);
			LocalDate day = days.get(cell / items.size());
			HistoricCase c = one(items.get(cell % items.size()), day, serials);
			if (c != null) {
				cases.add(c);
			}
		}
		cases.sort((a, b) -> a.submittedAt().compareTo(b.submittedAt()));
		return wangsCases(cases);
	}

	/** Seasonal demand: 入学 in summer, 社保 in January and July, 税务 in spring. */
	static double season(HistoryItem item, LocalDate day) {
		int month = day.getMonthValue();
		return switch (item.departmentCode()) {
			case "XH-JY" -> month >= 6 && month <= 8 ? 5.0 : 0.6;
			case "XH-RLSB" -> month == 1 || month == 7 ? 1.5 : 1.0;
			case "XH-SW" -> month >= 3 && month <= 5 ? 1.4 : 1.0;
			default -> 1.0;
		};
	}

	/** How many of an item's applications come in online, by its online depth. */
	static double onlineShare(HistoryItem item) {
		return switch (item.onlineDepth()) {
			case 4 -> 0.8;
			case 3 -> 0.6;
			case 2 -> 0.3;
			default -> 0.05;
		};
	}

	private static int cell(double[] cumulative, double target) {
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (cumulative[mid] < target) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private HistoricCase one(HistoryItem item, LocalDate day, Map<String, Integer> serials) {
		boolean working = calendar.isWorkingDay(day);
		boolean online = !working || dice.chance(onlineShare(item));
		Applicant applicant = applicant(item);
		String region = applicant.party().kind() == Party.Kind.CITIZEN && !input.townships().isEmpty()
				? input.townships().get(Math.floorMod(applicant.idNumber().hashCode(), input.townships().size()))
				: input.departmentRegions().getOrDefault(item.departmentCode(), "330106");
		Staff staff = dice.pick(input.staff().get(item.departmentCode()));
		OffsetDateTime submitted = online ? dice.on(day, 7 * 60, 23 * 60) : dice.on(day, 8 * 60 + 45, 17 * 60);
		List<CaseHistory.Visit> visits = new ArrayList<>();
		UUID window = online ? null : window(item);
		if (!online) {
			visits.add(new CaseHistory.Visit("INTAKE", submitted, window));
		}
		double outcomeDraw = dice.unit();
		CaseOutcome outcome = outcomeDraw < 0.02 ? CaseOutcome.WITHDRAWN : outcomeDraw < 0.05 ? CaseOutcome.REFUSED
				: outcomeDraw < 0.07 ? CaseOutcome.DENIED : CaseOutcome.APPROVED;
		// 补正 before acceptance: one round now and then, two rounds (一次性告知 broken) rarely
		double roundsDraw = dice.unit();
		int rounds = item.immediate() ? (roundsDraw < 0.02 ? 1 : 0) : roundsDraw < 0.015 ? 2 : roundsDraw < 0.095 ? 1 : 0;
		List<CaseHistory.SupplementRound> supplementRounds = new ArrayList<>();
		OffsetDateTime last = submitted;
		for (int r = 0; r < rounds; r++) {
			OffsetDateTime requested = later(last, 1);
			OffsetDateTime answered = online ? dice.on(day(requested).plusDays(dice.between(1, 3)), 8 * 60, 22 * 60)
					: dice.office(day(requested).plusDays(dice.between(1, 3)), calendar);
			supplementRounds.add(new CaseHistory.SupplementRound(requested, answered));
			if (!online) {
				visits.add(new CaseHistory.Visit("SUPPLEMENT", answered, window));
			}
			last = answered;
		}
		OffsetDateTime accepted = null;
		LocalDate promised;
		OffsetDateTime concluded;
		if (outcome == CaseOutcome.REFUSED) {
			concluded = later(last, dice.between(0, 1));
			promised = rules.promisedDate(item, day(submitted));
		}
		else {
			accepted = online ? later(last, 0) : last.plusMinutes(dice.between(5, 20));
			promised = rules.promisedDate(item, day(accepted));
			concluded = conclusion(item, accepted, promised);
			if (outcome == CaseOutcome.WITHDRAWN) {
				concluded = accepted.plusHours(dice.between(2, 48));
			}
		}
		if (!concluded.isBefore(end)) {
			return null;
		}
		if (outcome == CaseOutcome.APPROVED) {
			double collect = online ? (item.requiredVisits() > 0 ? 0.5 : 0.1) : 0.6;
			if ("XH-GHZY".equals(item.departmentCode()) || LATE_DEPARTMENT.equals(item.departmentCode())) {
				collect = 0.9;
			}
			OffsetDateTime collected = dice.office(day(concluded).plusDays(dice.between(1, 3)), calendar);
			if (dice.chance(collect) && collected.isBefore(end)) {
				visits.add(new CaseHistory.Visit("COLLECTION", collected, window != null ? window : window(item)));
			}
		}
		int serial = serials.merge(region + day, 1, Integer::sum);
		PrefillOffer offer = input.prefills().get(item.code());
		boolean prefill = offer != null && online && applicant.party().kind() == Party.Kind.CITIZEN && dice.chance(PREFILLED);
		return new HistoricCase(dice.id(), CaseHistory.caseNumber(region, day, serial), item.code(), item.version(), item.name(), item.departmentCode(),
				region, applicant.accountId(), applicant.applicantName(), applicant.party(), online ? "ONLINE" : "COUNTER", submitted,
				supplementRounds, accepted, promised, concluded, outcome, staff.name(), visits, prefill ? prefilled(offer, applicant) : Map.of(),
				offer == null ? null : offer.source());
	}

	/** The applicant's own values of the fields the register fills (its name and ID number; other fields are not generated). */
	static Map<String, String> prefilled(PrefillOffer offer, Applicant applicant) {
		Map<String, String> values = new LinkedHashMap<>();
		offer.fields().forEach((formKey, registerField) -> {
			if (registerField.equals("name")) {
				values.put(formKey, applicant.applicantName());
			}
			else if (registerField.equals("idNumber")) {
				values.put(formKey, applicant.idNumber());
			}
		});
		return values;
	}

	/** When the case was concluded: 即办 the same hour; else on a working day up to the promised date, or after it when late. */
	private OffsetDateTime conclusion(HistoryItem item, OffsetDateTime accepted, LocalDate promised) {
		if (item.immediate() || item.promisedLimit() == 0) {
			return accepted.plusMinutes(dice.between(10, 40));
		}
		double lateShare = LATE_DEPARTMENT.equals(item.departmentCode()) ? LATE_SHARE : USUAL_LATE_SHARE;
		LocalDate day;
		if (dice.chance(lateShare)) {
			day = calendar.addWorkingDays(promised, dice.between(1, 8));
		}
		else {
			List<LocalDate> choices = new ArrayList<>();
			for (LocalDate d = day(accepted).plusDays(1); !d.isAfter(promised); d = d.plusDays(1)) {
				if (calendar.isWorkingDay(d)) {
					choices.add(d);
				}
			}
			day = choices.isEmpty() ? promised : choices.get((int) Math.floor(Math.pow(dice.unit(), 1.5) * choices.size()));
		}
		OffsetDateTime at = dice.office(day, calendar);
		return at.isAfter(accepted) ? at : accepted.plusMinutes(dice.between(30, 90));
	}

	/** A citizen for citizens' items (now and then a company where both are served), a company for companies' items. */
	private Applicant applicant(HistoryItem item) {
		boolean company = item.forCompanies() && (!item.forCitizens() || dice.chance(0.4)) && !input.companies().isEmpty();
		List<Applicant> pool = company ? input.companies() : input.citizens();
		// a few people apply often, most once or twice
		return pool.get((int) Math.floor(Math.pow(dice.unit(), 1.6) * pool.size()));
	}

	private UUID window(HistoryItem item) {
		List<UUID> own = input.windows().getOrDefault(item.departmentCode(), List.of());
		List<UUID> any = input.windows().getOrDefault("", List.of());
		return !own.isEmpty() ? dice.pick(own) : any.isEmpty() ? null : dice.pick(any);
	}

	/** A moment in office hours {@code workingDays} after {@code from} (0: later the same working day when there is time). */
	private OffsetDateTime later(OffsetDateTime from, int workingDays) {
		LocalDate day = day(from);
		if (workingDays == 0 && calendar.isWorkingDay(day) && from.atZoneSameInstant(Clocks.ZONE).getHour() < 15) {
			return from.plusMinutes(dice.between(30, 120));
		}
		return dice.office(calendar.addWorkingDays(day, Math.max(1, workingDays)), calendar);
	}

	private static LocalDate day(OffsetDateTime at) {
		return at.atZoneSameInstant(Clocks.ZONE).toLocalDate();
	}

	/**
	 * The demo citizen 王小明 has a few cases of his own among the recent ones (so that reads of his data come with his
	 * cases too): the first citizen cases of the last 120 days become his.
	 */
	private List<HistoricCase> wangsCases(List<HistoricCase> cases) {
		if (input.wang() == null) {
			return cases;
		}
		Map<UUID, HistoricCase> byId = new LinkedHashMap<>();
		cases.forEach(c -> byId.put(c.id(), c));
		LocalDate since = input.today().minusDays(120);
		cases.stream()
			.filter(c -> c.party().kind() == Party.Kind.CITIZEN && !day(c.submittedAt()).isBefore(since))
			.limit(WANG_CASES)
			.forEach(c -> byId.put(c.id(), c.appliedBy(input.wang().accountId(), input.wang().applicantName(), input.wang().party(),
					c.prefilled().isEmpty() ? Map.of() : prefilled(input.prefills().get(c.itemCode()), input.wang()))));
		return new ArrayList<>(byId.values());
	}
}
