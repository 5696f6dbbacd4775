package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import tongban.support.AtOnce;
import tongban.support.IntegrationTest;

/**
 * Scheduled work runs once per cluster. Three "nodes" (three Spring contexts, each with the product's
 * {@link SchedulingConfiguration}: its own lock provider and proxies, as three processes would have) fire the same
 * locked job at once: one does the work. A node that died holding a lock (its row names another host, its time has
 * passed) does not stop the next one. And in the running application every locked job goes through the lock: held by
 * another node, the call does nothing.
 */
class ScheduledOncePerClusterIT extends IntegrationTest {

	private static final String JOB = "shared.test-three-nodes";

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext application;

	private final List<AnnotationConfigApplicationContext> nodes = new ArrayList<>();

	/** A job that counts its runs and, while running, waits until the other nodes' calls have returned. */
	public static class CountedJob {

		final AtomicInteger runs;
		final CountDownLatch othersReturned;

		public CountedJob(AtomicInteger runs, CountDownLatch othersReturned) {
			this.runs = runs;
			this.othersReturned = othersReturned;
		}

		@SchedulerLock(name = JOB, lockAtMostFor = "PT1M", lockAtLeastFor = "PT0S")
		public void run() throws InterruptedException {
			runs.incrementAndGet();
			othersReturned.await(20, TimeUnit.SECONDS);
		}
	}

	private CountedJob node(AtomicInteger runs, CountDownLatch othersReturned) {
		var node = new AnnotationConfigApplicationContext();
		// the application's pool, not closed with the node (a delegate has no close method)
		node.registerBean(DataSource.class, () -> new DelegatingDataSource(dataSource));
		node.registerBean(CountedJob.class, () -> new CountedJob(runs, othersReturned));
		node.register(SchedulingConfiguration.class);
		node.refresh();
		nodes.add(node);
		return node.getBean(CountedJob.class);
	}

	@AfterEach
	void closeNodes() {
		nodes.forEach(AnnotationConfigApplicationContext::close);
		nodes.clear();
		jdbc.sql("delete from shedlock where name = ? or locked_by in ('node-b', 'node-dead')").param(JOB).update();
	}

	@Test
	void threeNodesFiringAtOnceRunTheJobOnce() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch othersReturned = new CountDownLatch(2);
		List<CountedJob> three = List.of(node(runs, othersReturned), node(runs, othersReturned), node(runs, othersReturned));
		AtOnce.run(3, node -> () -> {
			three.get(node).run();
			othersReturned.countDown();
			return null;
		});
		assertThat(runs).as("one node did the work, two skipped it").hasValue(1);

		// the run is over (lockAtLeastFor 0): the next firing, on any node, runs again
		three.get(2).run();
		assertThat(runs).hasValue(2);
	}

	@Test
	void aLockLeftByADeadNodeIsTakenOverOnceItsTimeHasPassed() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		CountedJob job = node(runs, new CountDownLatch(0));
		// a live node holds it: this one skips
		hold(JOB, "node-b", "30 seconds");
		job.run();
		assertThat(runs).hasValue(0);
		assertThat(holder(JOB)).isEqualTo("node-b");

		// that node died mid-run: its lock_until (lockAtMostFor) has passed, and the next firing here takes over
		hold(JOB, "node-dead", "-1 seconds");
		job.run();
		assertThat(runs).hasValue(1);
		assertThat(holder(JOB)).isNotEqualTo("node-dead");
	}

	/** Every locked job of the running application: while another node holds its lock, calling it does nothing. */
	@Test
	void everyLockedJobOfTheApplicationSkipsWhileAnotherNodeHoldsIt() throws Exception {
		int checked = 0;
		for (Map.Entry<String, Method> job : ScheduledWorkLockedTest.scan().entrySet()) {
			Method method = job.getValue();
			SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
			if (lock == null) {
				continue;
			}
			Object bean = application.getBeanProvider(method.getDeclaringClass()).getIfAvailable();
			if (bean == null) {
				continue; // a job of a part that is off here (events to Kafka without brokers)
			}
			hold(lock.name(), "node-b", "30 seconds");
			String until = lockUntil(lock.name());
			try {
				method.setAccessible(true);
				method.invoke(bean);
			}
			catch (InvocationTargetException e) {
				throw new AssertionError(job.getKey() + " ran although another node held its lock", e.getCause());
			}
			finally {
				assertThat(holder(lock.name())).as(job.getKey() + " skipped").isEqualTo("node-b");
				assertThat(lockUntil(lock.name())).as(job.getKey() + " left the other node's lock alone").isEqualTo(until);
				jdbc.sql("delete from shedlock where name = ?").param(lock.name()).update();
			}
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(27);
	}

	/** The killed node's frequent work (here: 12345 overdue supervision) is taken over by the next firing elsewhere. */
	@Test
	void aRealJobLeftLockedByADeadNodeIsTakenOver() throws Exception {
		Method run = ScheduledWorkLockedTest.scan().get("tongban.hotline.internal.OverdueSupervision#run");
		run.setAccessible(true);
		hold("hotline.overdue-supervision", "node-dead", "-1 seconds");
		run.invoke(application.getBean(run.getDeclaringClass()));
		assertThat(holder("hotline.overdue-supervision")).isNotEqualTo("node-dead");
	}

	/** Writes the lock row as another node would have (times in UTC, ShedLock's database time). */
	private void hold(String name, String host, String untilFromNow) {
		jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values (?, timezone('utc', now()) + ?::interval, timezone('utc', now()), ?)
				on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at, locked_by = excluded.locked_by""")
			.params(name, untilFromNow, host)
			.update();
	}

	private String holder(String name) {
		return jdbc.sql("select locked_by from shedlock where name = ?").param(name).query(String.class).single();
	}

	private String lockUntil(String name) {
		return jdbc.sql("select lock_until::text from shedlock where name = ?").param(name).query(String.class).single();
	}
}
