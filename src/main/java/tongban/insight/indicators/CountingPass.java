package tongban.insight.indicators;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The counting pass (ADR 0057): every fact marked due, {@value #BATCH} to a transaction. A batch that fails is counted
 * again one fact at a time, and a fact that still fails waits (1, 2, 4 … minutes), so one fact that cannot be counted
 * holds up no other. A pass stops after {@link #LONGEST} and leaves the rest to the next, well inside its cluster lock.
 */
@Component
class CountingPass {

	private static final Logger log = LoggerFactory.getLogger(CountingPass.class);

	/** Facts counted per transaction. */
	static final int BATCH = 500;

	/** How long one pass goes on taking batches (its cluster lock lasts 10 minutes at most). */
	static final Duration LONGEST = Duration.ofMinutes(2);

	private final IndicatorCounting counting;
	private final DueFacts due;

	CountingPass(IndicatorCounting counting, DueFacts due) {
		this.counting = counting;
		this.due = due;
	}

	/** Counts what is marked due now; answers how many facts it counted. */
	int run() {
		long deadline = System.nanoTime() + LONGEST.toNanos();
		int total = 0;
		while (System.nanoTime() < deadline) {
			int counted;
			try {
				counted = counting.countDue(BATCH);
			}
			catch (RuntimeException e) {
				log.warn("Counting pass failed, counting its facts one at a time: {}", e.toString());
				counted = oneByOne();
			}
			total += counted;
			if (counted < BATCH) {
				break;
			}
		}
		return total;
	}

	private int oneByOne() {
		int counted = 0;
		for (DueFacts.Due fact : due.oldest(BATCH)) {
			try {
				if (counting.countOne(fact.source(), fact.factId())) {
					counted++;
				}
			}
			catch (RuntimeException failed) {
				int attempts = due.postpone(fact.source(), fact.factId());
				log.warn("{} {} not counted ({} attempts), tried again later: {}", fact.source(), fact.factId(), attempts, failed.toString());
			}
		}
		return counted;
	}
}
