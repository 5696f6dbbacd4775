package tongban.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.approval.ApprovalManagement;
import tongban.shared.Clocks;
import tongban.identity.StaffMember;
import tongban.identity.Role;
import tongban.support.IntegrationTest;

/**
 * The workbench inbox over many open tasks of one department (run by bench/cases.sh inbox, not by the test suite):
 * p50/p95 of the first page, beside the same task query without sorting and variables in the same run.
 */
class InboxBench extends IntegrationTest {

	static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
	static final String DEPARTMENT = "XH-BENCH";

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ApprovalManagement approval;

	@Test
	void inbox() throws Exception {
		long t0 = System.nanoTime();
		AtomicInteger made = new AtomicInteger();
		Random random = new Random(3);
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < TASKS; i++) {
			offsets.add(random.nextInt(60) - 10);
		}
		try (var pool = Executors.newFixedThreadPool(4)) {
			for (int w = 0; w < 4; w++) {
				int worker = w;
				pool.submit(() -> {
					for (int i = worker; i < TASKS; i += 4) {
						var p = runtime.startProcessInstanceByKey("case-committed", "bench-" + i, Map.of("caseId", UUID.randomUUID().toString(),
								"department", DEPARTMENT, "reviewDepartments", List.of(DEPARTMENT), "caseNumber", "BENCH" + i, "itemName", "压测事项"));
						var t = tasks.createTaskQuery().processInstanceId(p.getId()).singleResult();
						tasks.setDueDate(t.getId(), Date.from(LocalDate.now(Clocks.ZONE).plusDays(offsets.get(i)).atStartOfDay(Clocks.ZONE).toInstant()));
						made.incrementAndGet();
					}
					return null;
				});
			}
		}
		System.out.printf("BENCH open tasks=%d created in %.1fs%n", made.get(), (System.nanoTime() - t0) / 1e9);
		var staff = new StaffMember(UUID.randomUUID(), "压测", DEPARTMENT, null, Set.of(Role.APPROVER));
		for (int i = 0; i < 20; i++) {
			approval.inbox(staff);
			tasks.createTaskQuery().taskCandidateGroup(DEPARTMENT + ":APPROVER").listPage(0, 100);
		}
		long[] inbox = new long[200];
		long[] base = new long[200];
		for (int i = 0; i < 200; i++) {
			long s = System.nanoTime();
			var page = approval.inbox(staff);
			inbox[i] = System.nanoTime() - s;
			if (page.size() != ApprovalManagement.INBOX_PAGE) {
				throw new AssertionError("page of " + page.size());
			}
			s = System.nanoTime();
			tasks.createTaskQuery().taskCandidateGroup(DEPARTMENT + ":APPROVER").listPage(0, 100);
			base[i] = System.nanoTime() - s;
		}
		System.out.println("BENCH inbox first page (100 of " + made.get() + ", sorted by due date, with variables): " + stats(inbox));
		System.out.println("BENCH baseline task query (100, unsorted, no variables): " + stats(base));
	}

	static String stats(long[] ns) {
		List<Long> l = new ArrayList<>();
		for (long n : ns) {
			l.add(n);
		}
		Collections.sort(l);
		return String.format("p50 %.1f ms, p95 %.1f ms", l.get(l.size() / 2) / 1e6, l.get((int) (l.size() * 0.95)) / 1e6);
	}
}
