package tongban.proactive.opendata.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.audit.AuditTrail;
import tongban.proactive.opendata.Dataset;
import tongban.proactive.opendata.DatasetGeneration;
import tongban.proactive.opendata.Datasets;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * Every night, each published dataset whose update frequency has come round is made again. Safe to run twice: a second
 * run finds nothing due, and two runs at once leave one version served (the swap is guarded). A refusal by the privacy
 * scan keeps the version served and is audited.
 */
@Component
class Regeneration {

	private static final Logger log = LoggerFactory.getLogger(Regeneration.class);

	private final Datasets datasets;
	private final DatasetGeneration generation;
	private final AuditTrail audit;

	Regeneration(Datasets datasets, DatasetGeneration generation, AuditTrail audit) {
		this.datasets = datasets;
		this.generation = generation;
		this.audit = audit;
	}

	@Scheduled(cron = "${tongban.opendata.regenerate-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "proactive.opendata-regeneration", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void regenerateDue() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		for (Dataset dataset : datasets.published(new Datasets.Filter(null, null, null, null, null))) {
			if (!DatasetGeneration.due(dataset, today)) {
				continue;
			}
			try {
				generation.generate(dataset);
			}
			catch (DomainException e) {
				log.warn("open-data dataset {} not regenerated: {}", dataset.id(), e.code());
				audit.record(AuditTrail.PUBLISH, "system", "dataset:" + dataset.id(), "open-data regeneration refused: " + e.code());
			}
		}
	}
}
