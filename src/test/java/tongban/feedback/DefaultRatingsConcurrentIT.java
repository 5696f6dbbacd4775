package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.support.IntegrationTest;

/**
 * 默认好评 run by two nodes at once (the job's cluster lock lapsed, or a pass still running when the next fired): the
 * second pass skips the invitations the first has claimed, instead of waiting on the unique (case, round) and failing
 * when the first commits. Each case gets one default rating.
 */
class DefaultRatingsConcurrentIT extends IntegrationTest {

	/** Long past, so these invitations come first and no other test's invitations are due as of it. */
	private static final Instant AS_OF = LocalDate.of(2000, 1, 10).atStartOfDay().toInstant(ZoneOffset.UTC);

	@Autowired
	CaseRatings ratings;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aSecondPassAtOnceSkipsWhatTheFirstClaimed() throws Exception {
		List<UUID> cases = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		for (int i = 0; i < cases.size(); i++) {
			jdbc.sql("""
					insert into feedback_invitation (case_id, case_number, item_name, department_code, region_code, party_id, default_after)
					values (?, ?, '默认好评并发测试', 'TEST-DEFAULTS', '999999', ?, ?)""")
				.params(cases.get(i), "T" + i, UUID.randomUUID(), AS_OF.minusSeconds(3600L * (i + 1)).atOffset(ZoneOffset.UTC))
				.update();
		}
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> {
			int n = ratings.applyDefaults(AS_OF, cases.size());
			claimed.countDown();
			try {
				// the first pass is still open while the second runs
				secondDone.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return n;
		}));
		assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
		int second;
		try {
			second = ratings.applyDefaults(AS_OF, cases.size());
		}
		finally {
			secondDone.countDown();
		}
		assertThat(second).as("the second pass found everything claimed").isZero();
		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(3);
		for (UUID caseId : cases) {
			assertThat(jdbc.sql("select count(*) from feedback_rating where case_id = ?").param(caseId).query(Long.class).single())
				.as("one default rating").isEqualTo(1);
		}
		// and a later pass (after a crash, or the next hour) finds nothing left
		assertThat(ratings.applyDefaults(AS_OF, cases.size())).isZero();
	}
}
