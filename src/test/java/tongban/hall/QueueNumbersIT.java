package tongban.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.ServicePoints;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;

/** The shared contract of issue 20: the demo service network, opening hours on the calendar, and numbers under load. */
class QueueNumbersIT extends IntegrationTest {

	@Autowired
	ServicePoints points;

	@Autowired
	QueueNumbers numbers;

	@Autowired
	WorkingCalendars calendars;

	/** A working day after today, so that the counter rows of the test are its own. */
	private LocalDate workingDay(int after) {
		LocalDate day = LocalDate.now().plusDays(after);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	@Test
	void theDemoNetworkReachesTownshipsAndVillages() {
		assertThat(points.points()).extracting(ServicePoints.ServicePoint::level)
			.contains(ServicePoints.Level.DISTRICT, ServicePoints.Level.TOWNSHIP, ServicePoints.Level.VILLAGE);
		ServicePoints.ServicePoint beishan = points.pointByCode("XH-BM-BS").orElseThrow();
		assertThat(points.pointsServing("330106-GF-0004-01")).extracting(ServicePoints.ServicePoint::code)
			.contains("XH-ZWFW-DT", "XH-BM-BS", "XH-DB-SG");
		assertThat(points.pointsServing("330106-XK-0001-01")).extracting(ServicePoints.ServicePoint::code)
			.containsExactly("XH-ZWFW-DT");
		assertThat(points.nearest(30.2700, 120.1400, 1)).extracting(ServicePoints.ServicePoint::code).containsExactly("XH-DB-SG");
		assertThat(points.inTownship("330106002")).contains(beishan);
	}

	@Test
	void pointsOpenOnWorkingDaysOnlyDuringTheirHours() {
		ServicePoints.ServicePoint hall = points.pointByCode("XH-ZWFW-DT").orElseThrow();
		LocalDate national = LocalDate.of(2026, 10, 1);
		assertThat(calendars.current().isWorkingDay(national)).isFalse();
		assertThat(points.openOn(hall.id(), national)).isFalse();
		LocalDate day = workingDay(30);
		assertThat(points.hoursOn(hall.id(), day)).hasSize(2);
		assertThat(points.openAt(hall.id(), day.atTime(12, 30).atZone(Clocks.ZONE))).isFalse();
		assertThat(points.openAt(hall.id(), day.atTime(10, 0).atZone(Clocks.ZONE))).isTrue();
	}

	@Test
	void concurrentTakesGiveEveryNumberOnceWithoutGaps() throws Exception {
		ServicePoints.ServicePoint hall = points.pointByCode("XH-BM-XX").orElseThrow();
		LocalDate day = workingDay(40);
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 80; i++) {
				futures.add(pool.submit(() -> taken.add(numbers.take(new QueueNumbers.Take(hall.id(), Series.A, Channel.KIOSK, null, null, null, null)).number())));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		assertThat(taken).hasSize(80).doesNotHaveDuplicates();
		assertThat(taken.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(80);
		assertThat(numbers.take(new QueueNumbers.Take(hall.id(), Series.G, Channel.CLERK, null, null, null, null)).label()).isEqualTo("G001");
	}

	@Test
	void aClosedPointGivesNoNumber() {
		ServicePoints.ServicePoint hall = points.pointByCode("XH-BM-XX").orElseThrow();
		clock.set(LocalDateTime.of(workingDay(50), LocalTime.of(12, 30)));
		assertThatThrownBy(() -> numbers.take(new QueueNumbers.Take(hall.id(), Series.A, Channel.KIOSK, null, null, null, null)))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("not open");
	}
}
