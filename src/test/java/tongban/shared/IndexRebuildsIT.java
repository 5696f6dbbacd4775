package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.support.AtOnce;
import tongban.support.IntegrationTest;

/**
 * Nodes starting together on a shared search cluster take turns at the start-up check ({@link IndexRebuilds}): the
 * second waits on the index's advisory lock while the first rebuilds, then finds the counts equal and leaves the index
 * be. The per-node Lucene index takes no lock. The index here is simulated: a row count, and a document count the
 * rebuild sets.
 */
class IndexRebuildsIT extends IntegrationTest {

	private static final long ROWS = 250;

	@Autowired
	TransactionTemplate tx;

	@Test
	void onASharedClusterTwoNodesStartingTogetherRebuildOnce() throws Exception {
		String index = "test-" + UUID.randomUUID();
		AtomicLong indexed = new AtomicLong();
		AtomicInteger rebuilds = new AtomicInteger();
		IndexRebuilds.Rebuild rebuild = () -> {
			rebuilds.incrementAndGet();
			// purged, then refilled only once the other node is seen waiting: without the lock it would be rebuilding too
			indexed.set(0);
			await().atMost(Duration.ofSeconds(20)).until(() -> waiting(index) == 1);
			indexed.set(ROWS);
		};
		List<Boolean> rebuilt = AtOnce.run(2, node -> () -> new IndexRebuilds(jdbc, tx, "elasticsearch")
			.rebuildIfStale(index, () -> ROWS, indexed::get, rebuild));
		assertThat(rebuilds).as("rebuilds of the shared index").hasValue(1);
		assertThat(rebuilt).as("what each node answered").containsExactlyInAnyOrder(true, false);
		assertThat(indexed).hasValue(ROWS);
		assertThat(waiting(index)).isZero();
	}

	@Test
	void theSharedCheckRebuildsNothingWhenTheCountsAgree() throws InterruptedException {
		AtomicInteger rebuilds = new AtomicInteger();
		boolean rebuilt = new IndexRebuilds(jdbc, tx, "elasticsearch")
			.rebuildIfStale("test-" + UUID.randomUUID(), () -> ROWS, () -> ROWS, rebuilds::incrementAndGet);
		assertThat(rebuilt).isFalse();
		assertThat(rebuilds).hasValue(0);
	}

	@Test
	void thePerNodeLuceneIndexRebuildsWithoutTheLock() throws Exception {
		String index = "test-" + UUID.randomUUID();
		CountDownLatch release = new CountDownLatch(1);
		// threads of the test's own: the common pool may have only one, which the holder keeps
		ExecutorService threads = Executors.newFixedThreadPool(2);
		// another node holds the index's lock (as if rebuilding a shared index) until released
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(IndexRebuilds.lockName(index)).query(Object.class).single();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}), threads);
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> held(index) == 1);
			AtomicLong indexed = new AtomicLong();
			CompletableFuture<Boolean> rebuilt = CompletableFuture.supplyAsync(() -> {
				try {
					return new IndexRebuilds(jdbc, tx, "lucene").rebuildIfStale(index, () -> ROWS, indexed::get, () -> indexed.set(ROWS));
				}
				catch (InterruptedException e) {
					throw new IllegalStateException(e);
				}
			}, threads);
			assertThat(rebuilt.get(20, TimeUnit.SECONDS)).as("rebuilt while the lock is held elsewhere").isTrue();
			assertThat(indexed).hasValue(ROWS);
			assertThat(waiting(index)).isZero();
		}
		finally {
			release.countDown();
			holder.get(20, TimeUnit.SECONDS);
			threads.shutdownNow();
		}
	}

	/** Sessions waiting for the index's advisory lock (a bigint key is split into classid, high, and objid, low). */
	private long waiting(String index) {
		return locks(index, false);
	}

	private long held(String index) {
		return locks(index, true);
	}

	private long locks(String index, boolean granted) {
		return jdbc.sql("""
				select count(*) from pg_locks where locktype = 'advisory' and granted = ? and objsubid = 1
				and ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0)""")
			.params(granted, IndexRebuilds.lockName(index))
			.query(Long.class)
			.single();
	}
}
