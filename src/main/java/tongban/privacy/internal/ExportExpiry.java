package tongban.privacy.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tongban.privacy.DataExports;

/**
 * Every hour, copies whose seven days are over expire and their files are deleted; once per cluster (docs/cluster.md,
 * "Scheduled work"). Tests call {@link DataExports#expire()}.
 */
@Component
class ExportExpiry {

	private final DataExports exports;

	ExportExpiry(DataExports exports) {
		this.exports = exports;
	}

	@Scheduled(cron = "0 5 * * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "privacy.export-expiry", lockAtMostFor = "PT55M", lockAtLeastFor = "PT55M")
	void hourly() {
		exports.expire();
	}
}
