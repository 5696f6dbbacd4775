package tongban.exchange.internal;

import java.time.OffsetDateTime;
import java.time.Period;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.shared.Clocks;
import tongban.shared.MonthlyPartitions;

/**
 * Records of reads are kept for {@code TONGBAN_RETENTION_ACCESS_RECORDS} (ISO-8601 period, default P3Y: longer than the
 * six months of logs the Cybersecurity Law, art. 21, asks for, and long enough for a person to look back), then removed
 * every night at 03:15, except reads someone reported; each purge is itself an audit entry. The audit trail's own
 * DATA_READ entries are not purged (the chain stays whole). The records are partitioned by month (decision 0050): a month
 * past the period is dropped whole, its reported reads kept in a partition of their own (MonthlyPartitions#dropBefore).
 */
@Component
public class AccessRetention {

	private final AuditTrail audit;
	private final Period keep;
	private final MonthlyPartitions partitions;

	AccessRetention(MonthlyPartitions partitions, AuditTrail audit, @Value("${tongban.retention.access-records:P3Y}") Period keep) {
		this.partitions = partitions;
		this.audit = audit;
		this.keep = keep;
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #purge()}, unlocked. */
	@Scheduled(cron = "0 15 3 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "exchange.access-retention", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	@Transactional
	void nightly() {
		purge();
	}

	@Transactional
	public long purge() {
		OffsetDateTime before = OffsetDateTime.now(Clocks.ZONE).minus(keep);
		long n = partitions.dropBefore("exchange_access", before, "exists (select 1 from exchange_report p where p.access_id = x.id)");
		audit.record(AuditTrail.PURGE, "system", "exchange_access", n + " read records older than " + keep + " (before " + before.toLocalDate() + ") deleted");
		return n;
	}
}
