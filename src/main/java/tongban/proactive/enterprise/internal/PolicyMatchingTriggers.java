package tongban.proactive.enterprise.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import tongban.exchange.RegisterRecordChanged;
import tongban.proactive.enterprise.EnterprisePolicy;
import tongban.proactive.enterprise.EnterprisePolicySaved;
import tongban.proactive.enterprise.PolicyMatching;

/**
 * When policies are matched: a company's record of the business register changed (after that commit), a policy was
 * saved (after that commit; the scan commits a page at a time, so it runs outside a transaction), and every night at
 * 02:30 (Asia/Shanghai), so a company that has grown out of a policy's conditions, or into them, is found even when no
 * event said so.
 */
@Component
class PolicyMatchingTriggers {

	private final PolicyMatching matching;

	PolicyMatchingTriggers(PolicyMatching matching) {
		this.matching = matching;
	}

	@ApplicationModuleListener
	void on(RegisterRecordChanged changed) {
		if (EnterprisePolicy.REGISTER.equals(changed.resourceCode())) {
			matching.matchCompany(changed.subjectIndex());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EnterprisePolicySaved saved) {
		matching.matchPolicy(saved.policyId());
	}

	@Scheduled(cron = "${tongban.proactive.enterprise.match-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "proactive.enterprise-matching", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void nightly() {
		matching.matchAll();
	}
}
