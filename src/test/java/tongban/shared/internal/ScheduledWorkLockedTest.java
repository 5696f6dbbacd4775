package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.ClassUtils;

/**
 * Every {@code @Scheduled} method of the product runs once per cluster ({@code @SchedulerLock}) unless it is on the
 * short list of jobs that act on one node's own memory or connections. A new job without a lock fails here: add the
 * lock (docs/cluster.md, "Scheduled work") or, if it is truly node-local, add it below with the reason in a comment
 * at the job.
 */
class ScheduledWorkLockedTest {

	/** Jobs that work on what one node holds, so that every node runs its own. */
	static final Set<String> NODE_LOCAL = Set.of(
			// views counted in this node's memory, added to the database's sum
			"tongban.catalog.internal.ViewCounter#flush",
			// the townships of the tickets this node took, scanned for surges once a minute
			"tongban.insight.trends.TopicWatch#scanPending",
			// keep-alives of the display connections open on this node
			"tongban.hall.queue.internal.DisplayBroadcaster#heartbeat",
			// this node's pending display updates, pushed to the displays connected to it
			"tongban.hall.queue.internal.DisplayFeed#flush",
			// open-data uses counted in this node's memory, added to the database's sum
			"tongban.proactive.opendata.Usage#flush");

	private static final Pattern LOCK_NAME = Pattern.compile("([a-z]+)\\.[a-z0-9-]+");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:([^}]+)}");

	private static Map<String, Method> jobs;

	@BeforeAll
	static void scanOnce() throws ClassNotFoundException {
		jobs = scan();
	}

	/** Every method of the product annotated {@code @Scheduled}, by "class#method". */
	static Map<String, Method> scan() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true; // nested, abstract and non-component classes too
			}
		};
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(Scheduled.class.getName()));
		Map<String, Method> jobs = new TreeMap<>();
		for (var candidate : scanner.findCandidateComponents("tongban")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScheduledWorkLockedTest.class.getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(Scheduled.class)) {
					jobs.put(type.getName() + "#" + method.getName(), method);
				}
			}
		}
		return jobs;
	}

	@Test
	void everyScheduledJobIsLockedUnlessItIsNodeLocal() {
		assertThat(jobs).as("the scan finds the product's jobs").hasSizeGreaterThanOrEqualTo(31);
		List<String> unlocked = new ArrayList<>();
		List<String> lockedButListedLocal = new ArrayList<>();
		jobs.forEach((job, method) -> {
			boolean locked = method.isAnnotationPresent(SchedulerLock.class);
			if (!locked && !NODE_LOCAL.contains(job)) {
				unlocked.add(job);
			}
			if (locked && NODE_LOCAL.contains(job)) {
				lockedButListedLocal.add(job);
			}
		});
		assertThat(unlocked).as("@Scheduled without @SchedulerLock (once per cluster) and not node-local").isEmpty();
		assertThat(lockedButListedLocal).as("node-local jobs run on every node").isEmpty();
		assertThat(jobs.keySet()).as("every node-local job on the list still exists").containsAll(NODE_LOCAL);
	}

	@Test
	void lockNamesAreUniqueAndStartWithTheModule() {
		Map<String, String> owners = new HashMap<>();
		jobs.forEach((job, method) -> {
			SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
			if (lock == null) {
				return;
			}
			Matcher name = LOCK_NAME.matcher(lock.name());
			assertThat(name.matches()).as(job + ": lock name <module>.<job> in lower case, got " + lock.name()).isTrue();
			assertThat(job).as(job + ": its lock is named after its module").startsWith("tongban." + name.group(1) + ".");
			assertThat(lock.name().length()).as("shedlock.name is varchar(64)").isLessThanOrEqualTo(64);
			String before = owners.put(lock.name(), job);
			assertThat(before).as(lock.name() + " names one job only").isNull();
		});
	}

	/**
	 * lockAtMostFor bounds a run (a dead node's lock lapses after it), lockAtLeastFor keeps a node whose clock fires a
	 * little later from running the job again, and must stay under the job's interval or runs would be skipped.
	 */
	@Test
	void lockTimesFitTheJobsIntervals() {
		Set<String> checked = new TreeSet<>();
		jobs.forEach((job, method) -> {
			SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
			if (lock == null) {
				return;
			}
			Duration most = Duration.parse(lock.lockAtMostFor());
			Duration least = Duration.parse(lock.lockAtLeastFor());
			assertThat(least).as(job + ": lockAtLeastFor set").isPositive();
			assertThat(least).as(job + ": lockAtLeastFor ≤ lockAtMostFor").isLessThanOrEqualTo(most);
			Duration interval = interval(method.getAnnotation(Scheduled.class));
			assertThat(least).as(job + ": lockAtLeastFor under the interval " + interval).isLessThan(interval);
			// jobs a day apart or more: a day's run must not repeat within the day
			Duration floor = interval.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofHours(12) : interval.dividedBy(2);
			assertThat(least).as(job + ": lockAtLeastFor at least half the interval " + interval).isGreaterThanOrEqualTo(floor);
			checked.add(job);
		});
		assertThat(checked).hasSizeGreaterThanOrEqualTo(27);
	}

	/** The shortest gap between two runs with the defaults (a cron's over two days of firings). */
	static Duration interval(Scheduled scheduled) {
		if (scheduled.fixedDelay() > 0 || scheduled.fixedRate() > 0) {
			return Duration.ofMillis(Math.max(scheduled.fixedDelay(), scheduled.fixedRate()));
		}
		String text = !scheduled.fixedDelayString().isEmpty() ? scheduled.fixedDelayString() : scheduled.fixedRateString();
		if (!text.isEmpty()) {
			return DurationStyle.detectAndParse(defaultOf(text));
		}
		CronExpression cron = CronExpression.parse(defaultOf(scheduled.cron()));
		Duration shortest = Duration.ofDays(400);
		LocalDateTime at = cron.next(LocalDateTime.of(2026, 12, 1, 0, 0));
		for (int i = 0; i < 100 && at.isBefore(LocalDateTime.of(2027, 3, 1, 0, 0)); i++) {
			LocalDateTime next = cron.next(at);
			shortest = Duration.between(at, next).compareTo(shortest) < 0 ? Duration.between(at, next) : shortest;
			at = next;
		}
		return shortest;
	}

	private static String defaultOf(String value) {
		Matcher placeholder = PLACEHOLDER.matcher(value);
		return placeholder.matches() ? placeholder.group(1) : value;
	}
}
