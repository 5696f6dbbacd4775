package tongban.openness.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.audit.AuditTrail;
import tongban.openness.Disclosure;
import tongban.openness.DisclosureEvents;
import tongban.openness.domain.DisclosureRepository;
import tongban.openness.domain.DisclosureTime;
import tongban.shared.DomainException;

/**
 * Art. 30: "申请人无正当理由逾期不补正的，视为放弃申请". A scheduled pass moves every request whose 补正 period ended
 * without an answer to withdrawn, counted in the annual report as 其他处理 (逾期不补正). Each move is a guarded update, so
 * a second pass (or a second node) finds nothing left to move and an answer that came first wins.
 */
@Component
public class DeemedWithdrawal {

	private static final Logger log = LoggerFactory.getLogger(DeemedWithdrawal.class);

	private final DisclosureRepository repository;
	private final DisclosureTime time;
	private final AuditTrail audit;
	private final TransactionTemplate tx;

	DeemedWithdrawal(DisclosureRepository repository, DisclosureTime time, AuditTrail audit, TransactionTemplate tx) {
		this.repository = repository;
		this.time = time;
		this.audit = audit;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${tongban.openness.withdrawal-interval:10m}", initialDelayString = "${tongban.openness.withdrawal-interval:10m}")
	@SchedulerLock(name = "openness.deemed-withdrawal", lockAtMostFor = "PT30M", lockAtLeastFor = "PT8M")
	void scheduled() {
		int n = run();
		if (n > 0) {
			log.info("disclosure requests deemed withdrawn: {}", n);
		}
	}

	/** Withdraws every request whose 补正 period ended before today; answers how many moved. */
	public int run() {
		LocalDate today = time.today();
		int moved = 0;
		for (DisclosureRepository.Row r : repository.supplementsOverdue(today)) {
			Boolean done = tx.execute(status -> {
				try {
					repository.move(r.id(), Disclosure.Status.SUPPLEMENT_REQUESTED, Disclosure.Status.WITHDRAWN,
							new DisclosureEvents.DeemedWithdrawn(r.id(), r.number()),
							"outcome = ?, concluded_on = ?, concluded_by = ?, updated_at = now()", Disclosure.Outcome.OTHER_NO_SUPPLEMENT.name(), today,
							"系统");
				}
				catch (DomainException moveRefused) {
					return false;
				}
				repository.step(r.id(), time.now(), "DEEMED_WITHDRAWN", "系统", "补正期限 " + r.supplementDue() + " 已过，视为放弃申请");
				audit.record("DISCLOSURE", "system", "disclosure:" + r.number(), "deemed withdrawn: no supplement by " + r.supplementDue());
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				moved++;
			}
		}
		return moved;
	}
}
