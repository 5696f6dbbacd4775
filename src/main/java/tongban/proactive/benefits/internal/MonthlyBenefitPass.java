package tongban.proactive.benefits.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.proactive.benefits.BenefitBatch;
import tongban.proactive.benefits.BenefitPolicies;
import tongban.proactive.benefits.BenefitPolicy;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * The monthly pass: on the 1st at 02:30 every active policy's batch runs for the new month. Safe to run twice (or after
 * a "run now"): decisions are unique per policy, subject and period, and a policy already running is skipped.
 */
@Component
class MonthlyBenefitPass {

	private static final Logger LOG = LoggerFactory.getLogger(MonthlyBenefitPass.class);

	private final BenefitPolicies policies;
	private final BenefitBatch batch;

	MonthlyBenefitPass(BenefitPolicies policies, BenefitBatch batch) {
		this.policies = policies;
		this.batch = batch;
	}

	@Scheduled(cron = "${tongban.proactive.benefit-cron:0 30 2 1 * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "proactive.benefit-monthly", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void run() {
		for (BenefitPolicy policy : policies.allActive()) {
			try {
				var run = batch.run(policy, "每月自动批次", LocalDate.now(Clocks.ZONE));
				LOG.info("benefit batch policy={} read={} eligible={} granted={}", policy.code(), run.read(), run.eligible(), run.granted());
			}
			catch (DomainException e) {
				LOG.warn("benefit batch policy={} refused code={}", policy.code(), e.code());
			}
		}
	}
}
