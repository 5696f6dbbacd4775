package tongban.openness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.Cases;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.openness.domain.DisclosureRepository;
import tongban.openness.domain.DisclosureTime;

/**
 * The statistical tables of a department's 政府信息公开工作年度报告 in the national format (国办公开办函〔2021〕30号),
 * computed from the platform's own records, never typed in:
 * <ul>
 * <li>二 主动公开: 规章 and 行政规范性文件 from the publications ({@link ProactiveDisclosureCounts}), the 行政许可
 * decisions from casework.</li>
 * <li>三 收到和处理政府信息公开申请情况: by applicant column, 本年新收 (received in the year), 上年结转 (received before and
 * open on 1 January), the year's outcomes by row (concluded in the year), 总计, and 结转下年度继续办理 (open on 31
 * December); so that 一 + 二 = 三(七) + 四, as the format checks.</li>
 * <li>四 行政复议、行政诉讼: the reviews and suits filed in the year over the department's answers, by result.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class DisclosureAnnualReport {

	/** One row of section 二: 本年制发件数, 本年废止件数, 现行有效件数, or null for each when the platform holds no such record. */
	public record ProactiveRow(String label, Integer issued, Integer repealed, Integer inForce) {
	}

	/** One row of section 三: label, indent (0 heading, 1 outcome group, 2 reason), the counts per applicant column and total. */
	public record RequestRow(String key, String label, int indent, List<Integer> counts) {

		/** A heading without numbers (三、本年度办理结果; （三）不予公开 …). */
		public boolean heading() {
			return counts.isEmpty();
		}

		public int total() {
			return counts.isEmpty() ? 0 : counts.getLast();
		}
	}

	/** Section 四: per kind, the counts by result and the total. */
	public record RemedyRow(Disclosure.RemedyKind kind, List<Integer> counts) {
	}

	public record Report(String departmentCode, String departmentName, int year, List<ProactiveRow> regulations, Long licensingDecisions,
			List<RequestRow> requests, List<RemedyRow> remedies) {

		/** The row of section 三 by its key (NEW, CARRIED, TOTAL, FORWARD, or an outcome's name). */
		public Optional<RequestRow> row(String key) {
			return requests.stream().filter(r -> r.key().equals(key)).findFirst();
		}
	}

	private final DisclosureRepository repository;
	private final DirectoryManagement directory;
	private final ProactiveDisclosureCounts proactive;
	private final Cases cases;
	private final DisclosureTime time;

	DisclosureAnnualReport(DisclosureRepository repository, DirectoryManagement directory, ProactiveDisclosureCounts proactive,
			Cases cases, DisclosureTime time) {
		this.repository = repository;
		this.directory = directory;
		this.proactive = proactive;
		this.cases = cases;
		this.time = time;
	}

	/** The years a department has a report for: those it received or concluded requests in, and the current year. */
	public List<Integer> years(String departmentCode) {
		List<Integer> years = new ArrayList<>(repository.years(departmentCode));
		int current = time.today().getYear();
		if (!years.contains(current)) {
			years.addFirst(current);
		}
		return years.stream().filter(y -> y <= current).sorted((a, b) -> b - a).toList();
	}

	/** The report of a department for a year; empty for an unknown department or a year to come. */
	public Optional<Report> report(String departmentCode, int year) {
		Optional<DepartmentView> department = directory.departmentByCode(departmentCode);
		if (department.isEmpty() || year < 2000 || year > time.today().getYear()) {
			return Optional.empty();
		}
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate until = LocalDate.of(year, 12, 31);
		List<DisclosureRepository.Row> rows = repository.forYear(departmentCode, from, until);
		List<RequestRow> requests = new ArrayList<>();
		requests.add(row("NEW", "一、本年新收政府信息公开申请数量", 0, rows, r -> !r.receivedOn().isBefore(from)));
		requests.add(row("CARRIED", "二、上年结转政府信息公开申请数量", 0, rows, r -> r.receivedOn().isBefore(from)));
		requests.add(new RequestRow("RESULTS", "三、本年度办理结果", 0, List.of()));
		Predicate<DisclosureRepository.Row> concluded = r -> r.concludedOn() != null && !r.concludedOn().isAfter(until);
		for (Disclosure.Group group : Disclosure.Group.values()) {
			List<Disclosure.Outcome> outcomes = List.of(Disclosure.Outcome.values()).stream().filter(o -> o.group() == group).toList();
			if (outcomes.size() == 1) {
				Disclosure.Outcome only = outcomes.getFirst();
				String label = group == Disclosure.Group.PARTLY ? group.label() + "（区分处理的，只计这一情形，不计其他情形）" : group.label();
				requests.add(row(only.name(), label, 1, rows, concluded.and(r -> r.outcome() == only)));
				continue;
			}
			requests.add(new RequestRow(group.name(), group.label(), 1, List.of()));
			int n = 1;
			for (Disclosure.Outcome o : outcomes) {
				requests.add(row(o.name(), n++ + "." + o.label(), 2, rows, concluded.and(r -> r.outcome() == o)));
			}
		}
		requests.add(row("TOTAL", "（七）总计", 1, rows, concluded));
		requests.add(row("FORWARD", "四、结转下年度继续办理", 0, rows, concluded.negate()));
		return Optional.of(new Report(departmentCode, department.get().name(), year, proactiveRows(departmentCode, year),
				cases.licensingDecisions(departmentCode, year), requests, remedies(departmentCode, from, until)));
	}

	private List<ProactiveRow> proactiveRows(String departmentCode, int year) {
		ProactiveDisclosureCounts.Row regulations = proactive.regulations(departmentCode, year);
		ProactiveDisclosureCounts.Row normative = proactive.normativeDocuments(departmentCode, year);
		return List.of(new ProactiveRow("规章", regulations.issued(), regulations.repealed(), regulations.inForce()),
				new ProactiveRow("行政规范性文件", normative.issued(), normative.repealed(), normative.inForce()));
	}

	private List<RemedyRow> remedies(String departmentCode, LocalDate from, LocalDate until) {
		List<DisclosureView.Remedy> filed = repository.remediesFiled(departmentCode, from, until);
		List<RemedyRow> out = new ArrayList<>();
		for (Disclosure.RemedyKind kind : Disclosure.RemedyKind.values()) {
			Map<Disclosure.RemedyResult, Integer> byResult = new EnumMap<>(Disclosure.RemedyResult.class);
			filed.stream().filter(m -> m.kind() == kind).forEach(m -> byResult.merge(m.result(), 1, Integer::sum));
			List<Integer> counts = new ArrayList<>();
			for (Disclosure.RemedyResult result : Disclosure.RemedyResult.values()) {
				counts.add(byResult.getOrDefault(result, 0));
			}
			counts.add(counts.stream().mapToInt(Integer::intValue).sum());
			out.add(new RemedyRow(kind, counts));
		}
		return out;
	}

	/** A row counted per applicant column, then the total. */
	private static RequestRow row(String key, String label, int indent, List<DisclosureRepository.Row> rows, Predicate<DisclosureRepository.Row> which) {
		List<Integer> counts = new ArrayList<>();
		int total = 0;
		for (Disclosure.Applicant column : Disclosure.Applicant.values()) {
			int n = (int) rows.stream().filter(which).filter(r -> r.applicantCategory() == column).count();
			counts.add(n);
			total += n;
		}
		counts.add(total);
		return new RequestRow(key, label, indent, counts);
	}
}
