package tongban.exchange.internal;

import java.time.OffsetDateTime;
import java.time.Period;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.shared.Clocks;

/**
 * Records of reads are kept for {@code TONGBAN_RETENTION_ACCESS_RECORDS} (ISO-8601 period, default P3Y: longer than the
 * six months of logs the Cybersecurity Law, art. 21, asks for, and long enough for a person to look back), then deleted
 * every night at 03:15, except reads someone reported; each purge is itself an audit entry. The audit trail's own
 * DATA_READ entries are not purged (the chain stays whole).
 */
@Component
public class AccessRetention {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Period keep;

	AccessRetention(JdbcClient jdbc, AuditTrail audit, @Value("${tongban.retention.access-records:P3Y}") Period keep) {
		this.jdbc = jdbc;
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
	public int purge() {
		OffsetDateTime before = OffsetDateTime.now(Clocks.ZONE).minus(keep);
		int n = jdbc.sql("delete from exchange_access a where a.at < ? and not exists (select 1 from exchange_report p where p.access_id = a.id)")
			.param(before)
			.update();
		audit.record(AuditTrail.PURGE, "system", "exchange_access", n + " read records older than " + keep + " (before " + before.toLocalDate() + ") deleted");
		return n;
	}
}
