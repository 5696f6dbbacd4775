package tongban.insight.anomalies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tongban.exchange.ReadLog.Read;
import tongban.exchange.ReadLog.StaffDay;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendar;

/**
 * The anomaly rules over one day's staff reads (ADR 0026), without a database: the same reads, baselines and case facts
 * give the same hits, so a day scanned twice gives the same hits. Times are China Standard Time; working days come from
 * the calendar.
 */
final class AnomalyRules {

	/** Whether someone acted on a case in (from, to]: casework's history, behind an interface so the rules stay pure. */
	interface CaseSteps {
		boolean actedBetween(String caseNumber, Instant from, Instant to);
	}

	private final AnomalySettings settings;
	private final WorkingCalendar calendar;

	AnomalyRules(AnomalySettings settings, WorkingCalendar calendar) {
		this.settings = settings;
		this.calendar = calendar;
	}

	/**
	 * The hits of the day: {@code reads} are the day's staff reads in time order, {@code baseline} the per-staff daily
	 * counts of the days before, {@code caseDepartments} the department of each case number that names a case.
	 */
	List<Hit> evaluate(List<Read> reads, List<StaffDay> baseline, Map<String, String> caseDepartments, CaseSteps steps) {
		List<Hit> hits = new ArrayList<>();
		Map<String, List<Read>> byStaff = reads.stream().collect(Collectors.groupingBy(Read::staffId, LinkedHashMap::new, Collectors.toList()));
		byStaff.values().forEach(own -> {
			volume(own, baseline).ifPresent(hits::add);
			offHours(own).ifPresent(hits::add);
			noCase(own, caseDepartments).ifPresent(hits::add);
			unfollowedReveals(own, steps).ifPresent(hits::add);
		});
		hits.addAll(manyReaders(reads, caseDepartments));
		hits.sort(Comparator.comparing(Hit::rule).thenComparing(Hit::key));
		return hits;
	}

	private Optional<Hit> volume(List<Read> own, List<StaffDay> baseline) {
		Read first = own.getFirst();
		if (own.size() < settings.volumeMinimum()) {
			return Optional.empty();
		}
		double mine = median(baseline.stream().filter(d -> d.staffId().equals(first.staffId())).map(StaffDay::reads).toList());
		double peers = median(baseline.stream()
			.filter(d -> d.departmentCode().equals(first.departmentCode()) && !d.staffId().equals(first.staffId()))
			.map(StaffDay::reads)
			.toList());
		if (own.size() <= settings.volumeFactor() * mine || own.size() <= settings.volumeFactor() * peers) {
			return Optional.empty();
		}
		return Optional.of(staffHit(AnomalyRule.VOLUME, own, mine, peers));
	}

	private Optional<Hit> offHours(List<Read> own) {
		List<Read> off = own.stream().filter(r -> !inWorkingHours(r.at())).toList();
		if (off.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(staffHit(AnomalyRule.OFF_HOURS, off, 0, 0));
	}

	/** Whether a time falls in working hours of a working day. */
	boolean inWorkingHours(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, Clocks.ZONE);
		return calendar.isWorkingDay(local.toLocalDate()) && !local.toLocalTime().isBefore(settings.workStart())
				&& local.toLocalTime().isBefore(settings.workEnd());
	}

	private Optional<Hit> noCase(List<Read> own, Map<String, String> caseDepartments) {
		List<Read> without = own.stream().filter(r -> !caseDepartments.containsKey(r.caseNumber())).toList();
		List<Read> another = own.stream()
			.filter(r -> caseDepartments.containsKey(r.caseNumber()) && !caseDepartments.get(r.caseNumber()).equals(r.departmentCode()))
			.toList();
		if (without.isEmpty() && another.isEmpty()) {
			return Optional.empty();
		}
		List<Read> all = new ArrayList<>(without);
		all.addAll(another);
		all.sort(Comparator.comparing(Read::at).thenComparing(Read::id));
		return Optional.of(staffHit(AnomalyRule.NO_CASE, all, without.size(), another.size()));
	}

	private Optional<Hit> unfollowedReveals(List<Read> own, CaseSteps steps) {
		List<Read> unfollowed = own.stream()
			.filter(r -> "REVEALED".equals(r.outcome()))
			.filter(r -> !steps.actedBetween(r.caseNumber(), r.at(), r.at().plus(settings.revealWindow())))
			.toList();
		if (unfollowed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(staffHit(AnomalyRule.UNFOLLOWED_REVEAL, unfollowed, settings.revealWindow().toMinutes(), 0));
	}

	private List<Hit> manyReaders(List<Read> reads, Map<String, String> caseDepartments) {
		Map<String, List<Read>> unrelated = reads.stream()
			.filter(r -> !r.departmentCode().equals(caseDepartments.get(r.caseNumber())))
			.collect(Collectors.groupingBy(Read::subjectIndex, LinkedHashMap::new, Collectors.toList()));
		List<Hit> hits = new ArrayList<>();
		unrelated.forEach((subject, of) -> {
			Set<String> departments = of.stream().map(Read::departmentCode).collect(Collectors.toSet());
			Set<String> staff = of.stream().map(Read::staffId).collect(Collectors.toSet());
			if (departments.size() >= settings.manyReaders() && staff.size() >= settings.manyReaders()) {
				// the department that read the person most answers for the review (the first such by time on a tie)
				String department = of.stream()
					.collect(Collectors.groupingBy(Read::departmentCode, LinkedHashMap::new, Collectors.counting()))
					.entrySet()
					.stream()
					.max(Map.Entry.comparingByValue())
					.map(Map.Entry::getKey)
					.orElseThrow();
				hits.add(new Hit(AnomalyRule.MANY_READERS, subject, department, null, null, subject, ids(of), of.size(), departments.size(),
						staff.size()));
			}
		});
		return hits;
	}

	private static Hit staffHit(AnomalyRule rule, List<Read> reads, double figureA, double figureB) {
		Read first = reads.getFirst();
		return new Hit(rule, first.staffId(), first.departmentCode(), first.staffId(), first.staffName(), null, ids(reads), reads.size(), figureA,
				figureB);
	}

	private static List<Long> ids(List<Read> reads) {
		return reads.stream().map(Read::id).toList();
	}

	/** The median of daily counts (0 when there are none). */
	static double median(List<Long> counts) {
		if (counts.isEmpty()) {
			return 0;
		}
		List<Long> sorted = counts.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

	/** The first instant of a day and of the next, in China Standard Time. */
	static Instant start(LocalDate day) {
		return day.atStartOfDay(Clocks.ZONE).toInstant();
	}
}
