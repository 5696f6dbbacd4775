package tongban.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.ServicePoints;
import tongban.hall.Channel;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.WindowStaff;
import tongban.hall.queue.CallOrder;
import tongban.hall.queue.QueueCalling;
import tongban.hall.queue.internal.DisplayBroadcaster;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;

/**
 * 取号 and 叫号屏 under load (issue 20, part 3). Takes: threads take numbers across every point and series for a few
 * seconds through {@link QueueNumbers#take}, then the table is checked for duplicates and gaps per point and series;
 * baseline in the same run: the same threads on one point and series (one counter row). Displays: 200 SSE clients on
 * one point's display while a clerk calls numbers; the latency from before the call to the event read by each client;
 * baseline in the same run: one display. Run by bench/queue.sh, not by the test suite; prints figures only.
 */
class QueueBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 10);
	static final int THREADS = Integer.getInteger("bench.clients", 16);
	static final int DISPLAYS = Integer.getInteger("bench.displays", 200);
	static final int CALLS = Integer.getInteger("bench.calls", 40);

	@Autowired
	QueueNumbers numbers;

	@Autowired
	ServicePoints points;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	QueueCalling calling;

	@Autowired
	WindowStaff staffing;

	@Autowired
	DisplayBroadcaster broadcaster;

	@Test
	void takesAndDisplays() throws Exception {
		LocalDate day = LocalDate.now(Clocks.ZONE).plusDays(200);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		List<UUID> all = points.points().stream().map(ServicePoints.ServicePoint::id).toList();
		takes(all, Series.values(), 3);
		double across = takes(all, Series.values(), SECONDS);
		double single = takes(List.of(all.getFirst()), new Series[] { Series.A }, SECONDS);
		List<Map<String, Object>> check = jdbc.sql("""
				select point_id, series, count(*) as taken, count(distinct number) as distinct_numbers, max(number) as highest
				from hall_queue_ticket where day = ? group by point_id, series""").param(day).query().listOfRows();
		long bad = check.stream().filter(row -> !(((Number) row.get("taken")).longValue() == ((Number) row.get("distinct_numbers")).longValue()
				&& ((Number) row.get("taken")).longValue() == ((Number) row.get("highest")).longValue())).count();
		long total = check.stream().mapToLong(row -> ((Number) row.get("taken")).longValue()).sum();
		System.out.printf("BENCH takes across %d points × %d series, %d threads, %ds: %.0f numbers/s%n", all.size(), Series.values().length, THREADS,
				SECONDS, across);
		System.out.printf("BENCH baseline, same run: one point and series (one counter row): %.0f numbers/s; across/single %.2f%n", single,
				across / single);
		System.out.printf("BENCH check after the run: %d numbers in %d (point, series) rows, %d with a duplicate or a gap%n", total, check.size(), bad);

		ServicePoints.ServicePoint village = points.pointByCode("XH-DB-CD").orElseThrow();
		ServicePoints.PointWindow window = points.windows(village.id()).getFirst();
		var clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "压测窗口");
		staffing.assign(window.id(), clerk.id());
		StaffMember staff = people.signedIn(clerk);
		long[] one = displays(village.id(), window.id(), staff, 1);
		long[] many = displays(village.id(), window.id(), staff, DISPLAYS);
		System.out.printf("BENCH calls reaching %d displays (SSE), %d calls: p50 %d ms, p99 %d ms, max %d ms, %d deliveries%n", DISPLAYS, CALLS,
				percentile(many, 50), percentile(many, 99), many[many.length - 1], many.length);
		System.out.printf("BENCH baseline, same run: 1 display: p50 %d ms, p99 %d ms; p99 ratio %.2f%n", percentile(one, 50), percentile(one, 99),
				(double) Math.max(1, percentile(many, 99)) / Math.max(1, percentile(one, 99)));
	}

	private double takes(List<UUID> pointIds, Series[] series, int seconds) throws Exception {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int offset = t;
				futures.add(pool.submit(() -> {
					int i = offset;
					while (System.nanoTime() < end) {
						UUID point = pointIds.get(i % pointIds.size());
						Series s = series[(i / pointIds.size()) % series.length];
						numbers.take(new QueueNumbers.Take(point, s, Channel.KIOSK, null, null, null, null));
						done.incrementAndGet();
						i++;
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	/** Latencies in ms (sorted) from just before each call to each display's reading of its event. */
	private long[] displays(UUID pointId, UUID windowId, StaffMember staff, int count) throws Exception {
		for (int i = 0; i < CALLS; i++) {
			numbers.take(new QueueNumbers.Take(pointId, Series.A, Channel.KIOSK, null, null, null, null));
		}
		Map<String, Long> calledAt = new ConcurrentHashMap<>();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		CountDownLatch finished = new CountDownLatch(count);
		List<HttpResponse<InputStream>> streams = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			HttpResponse<InputStream> response = http.send(
					HttpRequest.newBuilder(URI.create(url("/hall/points/XH-DB-CD/display/events"))).build(), HttpResponse.BodyHandlers.ofInputStream());
			streams.add(response);
			Thread.ofVirtual().start(() -> {
				int seen = 0;
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null && seen < CALLS; line = lines.readLine()) {
						if (line.startsWith("data:") && line.contains("\"announce\":\"")) {
							String announce = line.substring(line.indexOf("\"announce\":\"") + 12);
							String label = announce.substring(2, announce.indexOf(' ', 2));
							Long at = calledAt.get(label);
							if (at != null) {
								latencies.add((System.nanoTime() - at) / 1_000_000);
								seen++;
							}
						}
					}
				}
				catch (Exception closed) {
					// done
				}
				finished.countDown();
			});
		}
		// connections of an earlier phase leave on their own time: wait for this phase's, not for a sum
		await().atMost(Duration.ofSeconds(60)).until(() -> broadcaster.connected(pointId) >= count);
		for (int i = 0; i < CALLS; i++) {
			// the number the call will give, by the same order the clerk's button uses, noted before the call starts
			QueueTicket next = CallOrder.next(numbers.waiting(pointId, LocalDate.now(clock.withZone(Clocks.ZONE))), windowId, Series.A,
					clock.instant()).orElseThrow();
			long start = System.nanoTime();
			calledAt.put(next.label(), start);
			QueueTicket called = calling.callNext(staff, windowId).orElseThrow();
			calledAt.putIfAbsent(called.label(), start);
			calling.skip(staff, windowId, called.id());
		}
		finished.await(30, TimeUnit.SECONDS);
		streams.forEach(response -> {
			try {
				response.body().close();
			}
			catch (Exception ignored) {
				// closed already
			}
		});
		long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

	private static long percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return -1;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}
}
