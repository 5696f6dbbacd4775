package tongban.clustertest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A scheduled pass that works for {@value #PASS_SECONDS} s under a lock of at most {@value #LOCK_SECONDS} s, tried every
 * second on every node: only for {@link ClusterIT}, which puts this class on its nodes' class path
 * ({@code TONGBAN_CLUSTER_CLASSES}) and switches it on. It kills the node holding the lock in the middle of a pass and
 * sees another node take the pass over once the lock has lapsed, not before.
 */
@Component
@ConditionalOnProperty(name = "tongban.cluster-test.takeover", havingValue = "true")
public class TakeoverJob {

	static final String NAME = "cluster-test-takeover";
	static final int PASS_SECONDS = 15;
	static final int LOCK_SECONDS = 20;

	private final CountDownLatch never = new CountDownLatch(1);

	@Scheduled(fixedDelay = 1000)
	@SchedulerLock(name = NAME, lockAtMostFor = "PT" + LOCK_SECONDS + "S")
	public void pass() throws InterruptedException {
		// a long pass, as a nightly job is: the node works (here: waits) while it holds the lock
		never.await(PASS_SECONDS, TimeUnit.SECONDS);
	}
}
