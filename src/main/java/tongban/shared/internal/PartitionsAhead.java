package tongban.shared.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.shared.MonthlyPartitions;

/**
 * Every night at 02:05, the partitions of this month and the next
 * {@link MonthlyPartitions#MONTHS_AHEAD} are created for every table partitioned by month, so that rows never fall into
 * the default partition; once per cluster, and a second run finds nothing to do.
 */
@Component
class PartitionsAhead {

	private final MonthlyPartitions partitions;

	PartitionsAhead(MonthlyPartitions partitions) {
		this.partitions = partitions;
	}

	@Scheduled(cron = "0 5 2 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "shared.partitions-ahead", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	public void createAhead() {
		partitions.tables().forEach(partitions::ensureAhead);
	}
}
