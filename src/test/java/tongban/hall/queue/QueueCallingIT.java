package tongban.hall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CounterVisits;
import tongban.directory.ServicePoints;
import tongban.feedback.VisitRatings;
import tongban.hall.Channel;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.TicketStatus;
import tongban.hall.WindowStaff;
import tongban.identity.AccountEnrolment;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * 取号、叫号 at a point: the clerk's moves in the call order, closing a visit with its cases (好差评 visit, counter visit
 * counted once), two clerks calling at once, the display's events, and the refusals.
 */
class QueueCallingIT extends IntegrationTest {

	@Autowired
	ServicePoints points;

	@Autowired
	QueueNumbers numbers;

	@Autowired
	QueueCalling calling;

	@Autowired
	QueueTaking taking;

	@Autowired
	QueueBoard board;

	@Autowired
	WindowStaff staffing;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	Applying applying;

	@Autowired
	CounterVisits counterVisits;

	@Autowired
	VisitRatings ratings;

	@Autowired
	AccountEnrolment enrolment;

	/** A working day after today of this test's own, at 10:00, so the day's counters and windows are the test's. */
	private LocalDate workingDayAtTen(int after) {
		LocalDate day = LocalDate.now(Clocks.ZONE).plusDays(after);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		return day;
	}

	private StaffMember clerkAt(String pointCode, String windowNumber) {
		ServicePoints.PointWindow window = window(pointCode, windowNumber);
		var clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "叫号员" + "零一二三四五六七八九".charAt(windowNumber.charAt(1) - '0'));
		staffing.assign(window.id(), clerk.id());
		return people.signedIn(clerk);
	}

	private ServicePoints.PointWindow window(String pointCode, String windowNumber) {
		ServicePoints.ServicePoint point = points.pointByCode(pointCode).orElseThrow();
		return points.windows(point.id()).stream().filter(w -> w.number().equals(windowNumber)).findFirst().orElseThrow();
	}

	private QueueTicket kiosk(String pointCode, Series series) {
		return numbers.take(new QueueNumbers.Take(points.pointByCode(pointCode).orElseThrow().id(), series, Channel.KIOSK, null, null, null, null));
	}

	/** A citizen born on this date (for the 65+ rule), with an ID number of their own. */
	private UUID citizenBorn(String birth) {
		for (int sequence = 100; ; sequence++) {
			String first17 = "330106" + birth + String.format("%03d", (int) (System.nanoTime() % 800) + sequence % 100);
			String id = first17 + IdNumber.checkCharacter(first17);
			try {
				return enrolment.enrolCitizen("取号人", new IdNumber(id), TestPeople.mobile(), PASSWORD, 2);
			}
			catch (RuntimeException taken) {
				// that number exists already: try the next
			}
		}
	}

	@Test
	void clerksCallInOrderRecallSkipTransferAndCloseWithCasesAndRating() throws Exception {
		LocalDate day = workingDayAtTen(70);
		StaffMember first = clerkAt("XH-BM-ZT", "01");
		StaffMember second = clerkAt("XH-BM-ZT", "02");
		UUID one = window("XH-BM-ZT", "01").id();
		UUID two = window("XH-BM-ZT", "02").id();
		Citizen visitor = newCitizen("排队人", 2);
		CaseId handled = TestCases.submittedSocialSecurityCard(applying, visitor);
		UUID zhuantang = points.pointByCode("XH-BM-ZT").orElseThrow().id();
		QueueTicket a1 = numbers.take(new QueueNumbers.Take(zhuantang, Series.A, Channel.KIOSK, visitor.id(), null, null, null));
		QueueTicket a2 = kiosk("XH-BM-ZT", Series.A);
		QueueTicket booked = numbers.take(new QueueNumbers.Take(zhuantang, Series.A, Channel.BOOKING, null, null, UUID.randomUUID(),
				LocalDateTime.of(day, LocalTime.of(9, 30)).atZone(Clocks.ZONE).toInstant()));
		assertThatThrownBy(() -> calling.takeForVisitor(first, one, Series.G, null, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-queue-priority-reason"));
		QueueTicket green = calling.takeForVisitor(first, one, Series.G, "DISABLED", null);
		assertThat(green.label()).isEqualTo("G001");
		assertThat(board.standing(numbers.ticket(a2.id()).orElseThrow()).ahead()).isEqualTo(3);

		// the display of the point hears every call
		List<String> heard = new CopyOnWriteArrayList<>();
		HttpClient http = HttpClient.newHttpClient();
		var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(url("/hall/points/XH-BM-ZT/display/events"))).build(),
				HttpResponse.BodyHandlers.ofInputStream()).get();
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					heard.add(line);
				}
			}
			catch (Exception closed) {
				// the test is over
			}
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream().anyMatch(line -> line.startsWith("event:update")));

		// green first, then the booked number whose slot started, then by place
		assertThat(calling.callNext(first, one).orElseThrow().label()).isEqualTo("G001");
		await().atMost(Duration.ofSeconds(1)).until(() -> heard.stream().anyMatch(line -> line.contains("请 G001 号到 01 号窗口")));
		assertThatThrownBy(() -> calling.callNext(first, one))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-queue-window-busy"));
		assertThat(calling.skip(first, one, green.id()).status()).isEqualTo(TicketStatus.SKIPPED);
		assertThat(calling.callNext(first, one).orElseThrow().id()).isEqualTo(booked.id());
		// transferred to window 02 keeping its place: called there before a1
		calling.transfer(first, one, booked.id(), two);
		assertThat(calling.callNext(second, two).orElseThrow().id()).isEqualTo(booked.id());
		QueueTicket called = calling.callNext(first, one).orElseThrow();
		assertThat(called.id()).isEqualTo(a1.id());
		assertThat(calling.recall(first, one, a1.id()).recalls()).isEqualTo(1);
		// the other clerk cannot act on a number called to this window; a skipped number can be called again
		assertThatThrownBy(() -> calling.start(second, two, a1.id())).isInstanceOf(DomainException.class);
		calling.start(second, two, booked.id());
		calling.transfer(second, two, booked.id(), one);
		assertThat(numbers.ticket(booked.id()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING);
		assertThat(calling.callSkipped(second, two, green.id()).status()).isEqualTo(TicketStatus.CALLED);

		// closing: the visitor's case linked, counted once per day, a rating visit opened and shown on the number's page
		calling.start(first, one, a1.id());
		assertThat(calling.casesOfVisitor(first, one, a1.id())).extracting(c -> c.id()).contains(handled);
		assertThatThrownBy(() -> calling.close(first, one, a1.id(), List.of(), List.of("NO-SUCH-CASE")))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-queue-case"));
		assertThat(numbers.ticket(a1.id()).orElseThrow().status()).isEqualTo(TicketStatus.SERVING);
		int intakes = counterVisits.count(handled, CounterVisits.Kind.INTAKE);
		QueueCalling.Closed closed = calling.close(first, one, a1.id(), List.of(handled.value()), List.of());
		assertThat(closed.ticket().status()).isEqualTo(TicketStatus.DONE);
		assertThat(closed.counted()).isEqualTo(1);
		assertThat(counterVisits.count(handled, CounterVisits.Kind.INTAKE)).isEqualTo(intakes + 1);
		assertThat(ratings.visit(closed.ticket().feedbackToken())).hasValueSatisfying(v -> assertThat(v.rated()).isFalse());
		assertThat(calling.linkedCases(a1.id())).extracting(QueueCalling.LinkedCase::caseId).containsExactly(handled.value());
		String page = http.send(HttpRequest.newBuilder(URI.create(url("/hall/tickets/" + a1.token()))).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("/rate/" + closed.ticket().feedbackToken());
		// a second visit for the same case that day counts no second time
		calling.start(second, two, green.id());
		QueueCalling.Closed again = calling.close(second, two, green.id(), List.of(), List.of(caseNumber(handled)));
		assertThat(again.counted()).isZero();
		assertThat(counterVisits.count(handled, CounterVisits.Kind.INTAKE) + counterVisits.count(handled, CounterVisits.Kind.SUPPLEMENT))
			.isEqualTo(intakes + 1);
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'HALL_QUEUE' and subject = ?").param("ticket:" + a1.id())
			.query(Integer.class).single()).isEqualTo(4);
		stream.body().close();
		reader.interrupt();
	}

	private String caseNumber(CaseId id) {
		return jdbc.sql("select case_number from casework_case where id = ?").param(id.value()).query(String.class).single();
	}

	@Test
	void twoClerksCallingAtOnceNeverGetTheSameNumber() throws Exception {
		workingDayAtTen(80);
		List<StaffMember> clerks = List.of(clerkAt("XH-ZWFW-DT", "03"), clerkAt("XH-ZWFW-DT", "04"), clerkAt("XH-ZWFW-DT", "05"),
				clerkAt("XH-ZWFW-DT", "06"));
		List<UUID> windows = List.of("03", "04", "05", "06").stream().map(n -> window("XH-ZWFW-DT", n).id()).toList();
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			taken.add(kiosk("XH-ZWFW-DT", Series.A).label());
		}
		ConcurrentLinkedQueue<String> called = new ConcurrentLinkedQueue<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				StaffMember clerk = clerks.get(c);
				UUID window = windows.get(c);
				futures.add(pool.submit(() -> {
					for (int round = 0; round < 5; round++) {
						QueueTicket ticket = calling.callNext(clerk, window).orElseThrow();
						called.add(ticket.label());
						calling.skip(clerk, window, ticket.id());
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		assertThat(called).hasSize(20).doesNotHaveDuplicates();
		assertThat(Set.copyOf(called)).isEqualTo(taken);
	}

	@Test
	void refusalsClosedPointFarAwayNoPositionGreenUnder65AndOthersNumbers() {
		LocalDate day = workingDayAtTen(90);
		ServicePoints.ServicePoint beishan = points.pointByCode("XH-BM-BS").orElseThrow();
		double lat = beishan.latitude().doubleValue();
		double lon = beishan.longitude().doubleValue();
		UUID young = citizenBorn("19950101");
		UUID old = citizenBorn("19500101");
		assertThatThrownBy(() -> taking.takeOnPhone(young, "XH-BM-BS", Series.A, null, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-queue-position-missing"));
		assertThatThrownBy(() -> taking.takeOnPhone(young, "XH-BM-BS", Series.A, lat + 0.05, lon))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("hall-queue-too-far");
				assertThat((Long) e.args()[0]).isGreaterThan(5000L);
			});
		assertThatThrownBy(() -> taking.takeOnPhone(young, "XH-BM-BS", Series.G, lat, lon))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-queue-green"));
		QueueTicket mine = taking.takeOnPhone(young, "XH-BM-BS", Series.A, lat + 0.003, lon);
		assertThat(mine.channel()).isEqualTo(Channel.PHONE);
		assertThatThrownBy(() -> taking.takeOnPhone(young, "XH-BM-BS", Series.A, lat, lon))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-queue-already"));
		assertThat(taking.takeOnPhone(old, "XH-BM-BS", Series.G, lat, lon).series()).isEqualTo(Series.G);
		// someone else's number is not found, to the person and to a clerk of another point
		assertThatThrownBy(() -> taking.mine(old, mine.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
		StaffMember elsewhere = clerkAt("XH-BM-XX", "01");
		assertThatThrownBy(() -> calling.skip(elsewhere, window("XH-BM-XX", "01").id(), mine.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
		assertThatThrownBy(() -> calling.callNext(elsewhere, window("XH-BM-BS", "01").id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
		// the API: another person's number is 404; a closed point gives no number
		String token = accessToken(old, "queue");
		HttpClient http = HttpClient.newHttpClient();
		assertThat(status(http, HttpRequest.newBuilder(URI.create(url("/api/hall/tickets/" + mine.id()))).header("Authorization", "Bearer " + token)
			.GET().build())).isEqualTo(404);
		assertThat(status(http, HttpRequest.newBuilder(URI.create(url("/api/hall/tickets"))).header("Authorization", "Bearer " + token)
			.GET().build())).isEqualTo(200);
		assertThat(status(http, HttpRequest.newBuilder(URI.create(url("/api/service-points/XH-BM-BS/queue"))).GET().build())).isEqualTo(200);
		clock.set(LocalDateTime.of(day, LocalTime.of(12, 30)));
		assertThatThrownBy(() -> taking.takeOnPhone(citizenBorn("19900202"), "XH-BM-BS", Series.A, lat, lon))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hall-point-closed"));
		HttpRequest closedTake = HttpRequest.newBuilder(URI.create(url("/api/hall/tickets")))
			.header("Authorization", "Bearer " + accessToken(young, "queue"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"point\":\"XH-BM-XX\",\"series\":\"A\",\"latitude\":" + lat + ",\"longitude\":" + lon + "}"))
			.build();
		assertThat(status(http, closedTake)).isEqualTo(422);
	}

	private static int status(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}
}
