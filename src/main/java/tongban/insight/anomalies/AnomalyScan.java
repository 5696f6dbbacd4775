package tongban.insight.anomalies;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.CaseFacts;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.exchange.ReadLog;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;

/**
 * Runs the anomaly rules over a day's reads (China Standard Time) and opens a review for each new hit. A hit is keyed by
 * day, rule and who, so a day scanned twice gives the same hits and keeps the reviews already made; the scheduled pass
 * scans yesterday after midnight, supervisors may scan a day at once.
 */
@Service
public class AnomalyScan {

	/** What a scan found: the hits of the day, and how many of them are new. */
	public record Result(LocalDate day, int reads, int hits, int opened) implements Serializable {
	}

	private final JdbcClient jdbc;
	private final ReadLog log;
	private final CaseFacts cases;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final AnomalySettings settings;

	AnomalyScan(JdbcClient jdbc, ReadLog log, CaseFacts cases, DirectoryManagement directory, WorkingCalendars calendars, AnomalySettings settings) {
		this.jdbc = jdbc;
		this.log = log;
		this.cases = cases;
		this.directory = directory;
		this.calendars = calendars;
		this.settings = settings;
	}

	/** After midnight (02:10, so that a reveal late in the day has had its window), yesterday. */
	@Scheduled(cron = "${tongban.insight.anomalies.cron:0 10 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "insight.anomaly-scan", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	public void scanYesterday() {
		scan(LocalDate.now(Clocks.ZONE).minusDays(1));
	}

	/** Scans one day's reads. */
	@Transactional
	public Result scan(LocalDate day) {
		List<ReadLog.Read> reads = new ArrayList<>();
		log.readsBetween(AnomalyRules.start(day), AnomalyRules.start(day.plusDays(1)), read -> {
			if (read.byStaff()) {
				reads.add(read);
			}
		});
		List<ReadLog.StaffDay> baseline = log.staffDays(AnomalyRules.start(day.minusDays(settings.baselineDays())), AnomalyRules.start(day));
		Set<String> numbers = reads.stream().map(ReadLog.Read::caseNumber).collect(Collectors.toSet());
		List<Hit> hits = new AnomalyRules(settings, calendars.current()).evaluate(reads, baseline, cases.departments(numbers), cases::actedBetween);
		int opened = 0;
		for (Hit hit : hits) {
			opened += open(day, hit) ? 1 : 0;
		}
		return new Result(day, reads.size(), hits.size(), opened);
	}

	private boolean open(LocalDate day, Hit hit) {
		UUID id = UUID.randomUUID();
		String region = directory.departmentByCode(hit.departmentCode()).map(DepartmentView::regionCode).orElse("");
		int inserted = jdbc.sql("""
				insert into insight_anomaly_hit (id, day, rule, subject_key, department_code, region_code, staff_id, staff_name, subject_index,
				  read_count, figure_a, figure_b, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') on conflict (day, rule, subject_key) do nothing""")
			.params(id, day, hit.rule().name(), hit.key(), hit.departmentCode(), region, hit.staffId(), hit.staffName(), hit.subjectIndex(),
					hit.count(), hit.figureA(), hit.figureB())
			.update();
		if (inserted == 0) {
			return false;
		}
		jdbc.sql("insert into insight_anomaly_read (hit_id, access_id) select ?, unnest(?)")
			.params(id, hit.readIds().toArray(Long[]::new))
			.update();
		return true;
	}
}
