package tongban.hall.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.client.RestClient;

import tongban.audit.AuditTrail;
import tongban.directory.ServicePointEditing;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.ServicePoint;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * Issue 20, service points: the nearest search, the days of a point on the one calendar (holidays, make-up days,
 * closures, today's status at a set time), the public API with its filters and refusals, and the console's checks.
 */
class ServicePointsIT extends IntegrationTest {

	static final String ELDERLY_ALLOWANCE = "330106-GF-0004-01";
	static final String BEISHAN = "330106002";
	/** Only the district hall's 综合窗口 serve it. */
	static final String DISTRICT_ONLY = "330106-XK-0001-01";

	@Autowired
	PointFinder finder;

	@Autowired
	PointDays days;

	@Autowired
	PointConsole console;

	@Autowired
	ServicePoints points;

	@Autowired
	ServicePointEditing editing;

	@Autowired
	AuditTrail audit;

	private StaffMember admin() {
		return people.signedIn(newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "网点管理员"));
	}

	private static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private PointForm form(String code) {
		PointForm f = new PointForm();
		f.setCode(code);
		f.setName("测试便民服务中心");
		f.setLevel("TOWNSHIP");
		f.setTownship(BEISHAN);
		f.setAddress("杭州市西湖区北山街道测试路 1 号");
		f.setLatitude("30.2650");
		f.setLongitude("120.1450");
		f.setHours("09:00-12:00, 13:30-17:00");
		f.setPhone("0571-88888888");
		return f;
	}

	@Test
	void theNearestPointIsFoundByTownshipOrByPosition() {
		assertThat(finder.inTownship(BEISHAN, ELDERLY_ALLOWANCE)).extracting(f -> f.point().code()).contains("XH-BM-BS", "XH-DB-SG")
			.doesNotContain("XH-ZWFW-DT", "XH-BM-SD");
		List<PointFinder.Found> near = finder.near(30.2703, 120.1401, ELDERLY_ALLOWANCE, 3);
		assertThat(near.getFirst().point().code()).isEqualTo("XH-DB-SG");
		assertThat(near.getFirst().metres()).isLessThan(50);
		assertThat(near).extracting(PointFinder.Found::metres).isSorted();
		// nothing in 北山 serves a district-only item: the nearest that does, with the distance from the township
		List<PointFinder.Found> elsewhere = finder.inTownship(BEISHAN, DISTRICT_ONLY);
		assertThat(elsewhere).extracting(f -> f.point().code()).containsExactly("XH-ZWFW-DT");
		assertThat(elsewhere.getFirst().metres()).isBetween(2_000.0, 6_000.0);
		// the grouped list: the district first, then each township's 便民服务中心 before its 代办点
		List<PointFinder.Group> groups = finder.grouped(finder.all(ELDERLY_ALLOWANCE));
		assertThat(groups.getFirst().level()).isEqualTo(ServicePoints.Level.DISTRICT);
		PointFinder.Group beishan = groups.stream().filter(g -> g.township() != null && g.township().code().equals(BEISHAN)).findFirst().orElseThrow();
		assertThat(beishan.points()).extracting(ServicePoint::code).containsSubsequence("XH-BM-BS", "XH-DB-SG");
	}

	@Test
	void theWeekFollowsTheCalendarAndTheClosures() {
		ServicePoint beishan = points.pointByCode("XH-BM-BS").orElseThrow();
		clock.set(LocalDateTime.of(2026, 9, 19, 10, 0)); // a Saturday; the 20th is 国庆节's make-up Sunday, the 25th 中秋
		editing.close(beishan.id(), LocalDate.of(2026, 9, 22), "停电检修");
		try {
			List<PointDays.DayHours> week = days.coming(beishan, 7);
			assertThat(week).extracting(PointDays.DayHours::day).first().isEqualTo(LocalDate.of(2026, 9, 19));
			assertThat(week.get(0).open()).isFalse();
			assertThat(week.get(0).note()).isEqualTo(PointDays.Note.WEEKEND);
			assertThat(week.get(1).open()).as("make-up working Sunday").isTrue();
			assertThat(week.get(1).note()).isEqualTo(PointDays.Note.MAKE_UP);
			assertThat(week.get(2).sessions()).hasSize(2);
			assertThat(week.get(3)).extracting(PointDays.DayHours::open, PointDays.DayHours::note, PointDays.DayHours::reason)
				.containsExactly(false, PointDays.Note.CLOSURE, "停电检修");
			assertThat(week.get(6)).extracting(PointDays.DayHours::open, PointDays.DayHours::note, PointDays.DayHours::reason)
				.containsExactly(false, PointDays.Note.HOLIDAY, "中秋");
			assertThat(days.status(beishan).state()).isEqualTo(PointDays.State.CLOSED_TODAY);

			clock.set(LocalDateTime.of(2026, 9, 21, 10, 0));
			assertThat(days.status(beishan)).extracting(PointDays.Status::state, PointDays.Status::time)
				.containsExactly(PointDays.State.OPEN_NOW, LocalTime.of(12, 0));
			clock.set(LocalDateTime.of(2026, 9, 21, 12, 30));
			assertThat(days.status(beishan)).extracting(PointDays.Status::state, PointDays.Status::time)
				.containsExactly(PointDays.State.OPENS_LATER, LocalTime.of(13, 30));
			clock.set(LocalDateTime.of(2026, 9, 21, 17, 30));
			assertThat(days.status(beishan).state()).isEqualTo(PointDays.State.CLOSED_FOR_THE_DAY);
			clock.set(LocalDateTime.of(2026, 9, 25, 10, 0));
			assertThat(days.status(beishan).today().reason()).isEqualTo("中秋");

			// the point's page says the same in words
			clock.set(LocalDateTime.of(2026, 9, 19, 10, 0));
			String page = RestClient.create().get().uri(url("/service-points/XH-BM-BS")).retrieve().body(String.class);
			assertThat(page).contains("北山街道便民服务中心", "周末休息", "调休上班", "暂停办公（停电检修）", "中秋放假", "9月20日 星期日",
					"330106-GF-0004-01", "高龄津贴申领");
		}
		finally {
			editing.reopen(beishan.id(), LocalDate.of(2026, 9, 22));
		}
	}

	@Test
	void thePublicPageFindsByTownshipOrPositionAndTheGuideListsThePlaces() {
		RestClient web = RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
		String all = web.get().uri("/service-points").retrieve().body(String.class);
		assertThat(all).contains("西湖区政务服务中心办事大厅", "北山街道便民服务中心", "转塘街道长埭村代办点", "北山街道", "0571-12345");
		String byTownship = web.get().uri("/service-points?item={i}&township={t}", ELDERLY_ALLOWANCE, BEISHAN).retrieve().body(String.class);
		String nearest = byTownship.substring(byTownship.indexOf("data-testid=\"nearest\""), byTownship.indexOf("全部办事地点</h2>"));
		assertThat(nearest).contains("北山街道便民服务中心", "北山街道曙光社区代办点").doesNotContain("三墩镇便民服务中心");
		assertThat(byTownship).contains("哪里能办：高龄津贴申领");
		String byPosition = web.get().uri("/service-points?near={n}", "30.2703,120.1401").retrieve().body(String.class);
		assertThat(byPosition).contains("data-testid=\"distance\"", "约 ");
		var badTownship = web.get().uri("/service-points?township={t}", "<script>").retrieve().toEntity(String.class);
		assertThat(badTownship.getStatusCode().value()).isEqualTo(200);
		assertThat(badTownship.getBody()).contains("<title>错误：", "请从列表中选择您住的街道（乡镇）").doesNotContain("<script>");
		assertThat(web.get().uri("/service-points?near=north").retrieve().body(String.class)).contains("请按“纬度,经度”填写");
		assertThat(web.get().uri("/service-points?item=NOPE").retrieve().body(String.class)).contains("没有找到这个事项");
		assertThat(web.get().uri("/service-points/NOPE").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);

		String guide = web.get().uri("/items/{i}", ELDERLY_ALLOWANCE).retrieve().body(String.class);
		assertThat(guide).contains("data-testid=\"handling-places\"", "href=\"/service-points/XH-BM-BS\"", "href=\"/service-points?item=" + ELDERLY_ALLOWANCE + "\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theApiFiltersAndRefusesWhatItCannotRead() {
		RestClient api = RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
		List<Map<String, Object>> near = api.get().uri("/api/service-points?item={i}&near={n}", ELDERLY_ALLOWANCE, "30.2703,120.1401")
			.retrieve().body(List.class);
		assertThat(near.getFirst()).containsEntry("code", "XH-DB-SG");
		assertThat(((Number) near.getFirst().get("metres")).longValue()).isLessThan(50);
		assertThat(near).extracting(m -> m.get("code")).doesNotContain("XH-NOPE");
		List<Map<String, Object>> township = api.get().uri("/api/service-points?township={t}", BEISHAN).retrieve().body(List.class);
		assertThat(township).isNotEmpty().allSatisfy(m -> assertThat(m).containsEntry("townshipCode", BEISHAN));
		assertThat(api.get().uri("/api/service-points?item={i}", DISTRICT_ONLY).retrieve().body(List.class))
			.extracting(m -> ((Map<String, Object>) m).get("code")).containsExactly("XH-ZWFW-DT");

		Map<String, Object> one = api.get().uri("/api/service-points/XH-BM-BS").retrieve().body(Map.class);
		assertThat((List<Object>) one.get("windows")).hasSize(2);
		assertThat((List<Object>) one.get("days")).hasSize(14);
		assertThat(((List<Map<String, Object>>) ((List<Map<String, Object>>) one.get("windows")).getFirst().get("items")))
			.extracting(i -> i.get("name")).contains("高龄津贴申领");

		for (String bad : List.of("/api/service-points?near=abc", "/api/service-points?near=91,120", "/api/service-points?item=NOPE",
				"/api/service-points?township=999999999", "/api/service-points?near=" + "1".repeat(500))) {
			var answer = api.get().uri(url(bad)).retrieve().toEntity(Map.class);
			assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
			assertThat(answer.getHeaders().getContentType().toString()).as(bad).contains("problem+json");
			assertThat((String) answer.getBody().get("code")).as(bad).startsWith("service-points-");
		}
		assertThat(api.get().uri("/api/service-points/XH-NOPE").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		assertThat(api.get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/api/service-points", "/api/service-points/{code}");
	}

	@Test
	void theConsoleChecksEachFieldAndWritesNothingWhenRefused() {
		StaffMember admin = admin();
		String code = code("T");
		PointForm bad = form(code.toLowerCase() + " !");
		bad.setHours("17:00-09:00");
		bad.setLatitude("91");
		bad.setTownship("");
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(bad, "form");
		assertThat(console.savePoint(Optional.empty(), bad, errors, admin)).isEmpty();
		assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode()).containsExactlyInAnyOrder(
				"code=hall.points.error.code", "hours=hall.points.error.hours.order", "latitude=hall.points.error.latitude",
				"township=hall.points.error.township");
		assertThat(points.pointByCode(code)).isEmpty();

		BeanPropertyBindingResult taken = new BeanPropertyBindingResult(form("XH-BM-BS"), "form");
		assertThat(console.savePoint(Optional.empty(), form("XH-BM-BS"), taken, admin)).isEmpty();
		assertThat(taken.getFieldError("code").getCode()).isEqualTo("hall.points.error.codeTaken");

		assertThat(console.savePoint(Optional.empty(), form(code), new BeanPropertyBindingResult(form(code), "form"), admin)).contains(code);
		ServicePoint created = points.pointByCode(code).orElseThrow();
		assertThat(created.workdayHours()).isEqualTo("09:00-12:00,13:30-17:00");
		assertThat(created.latitude()).isEqualByComparingTo(new BigDecimal("30.265"));
		assertThat(audit.recent(50)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("service-point:" + code));

		// windows: the items must be published, the number unique at the point
		WindowForm window = new WindowForm();
		window.setNumber("01");
		window.setItems(ELDERLY_ALLOWANCE + "\n330106-NO-SUCH-01");
		BeanPropertyBindingResult windowErrors = new BeanPropertyBindingResult(window, "form");
		assertThat(console.saveWindow(created, Optional.empty(), window, windowErrors, admin)).isEmpty();
		assertThat(windowErrors.getFieldError("items").getCode()).isEqualTo("hall.points.error.window.itemUnknown");
		assertThat(points.windows(created.id())).isEmpty();
		window.setItems(ELDERLY_ALLOWANCE);
		assertThat(console.saveWindow(created, Optional.empty(), window, new BeanPropertyBindingResult(window, "form"), admin)).contains("01");
		BeanPropertyBindingResult twice = new BeanPropertyBindingResult(window, "form");
		assertThat(console.saveWindow(created, Optional.empty(), window, twice, admin)).isEmpty();
		assertThat(twice.getFieldError("number").getCode()).isEqualTo("hall.points.error.window.numberTaken");
		assertThat(finder.all(ELDERLY_ALLOWANCE)).extracting(ServicePoint::code).contains(code);

		// a write the database refuses rolls the whole change back: the items of the window are as they were
		ServicePoints.PointWindow first = points.windows(created.id()).getFirst();
		UUID second = editing.addWindow(created.id(), new ServicePointEditing.WindowDraft("02", "综合窗口", ServicePoints.WindowKind.GENERAL, "A",
				false, List.of("330106-GG-0018-01")));
		assertThatThrownBy(() -> editing.updateWindow(second, new ServicePointEditing.WindowDraft("01", "综合窗口", ServicePoints.WindowKind.GENERAL,
				"A", false, List.of(DISTRICT_ONLY)))).isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "window-number-taken");
		assertThat(points.itemsOf(second)).containsExactly("330106-GG-0018-01");
		assertThat(points.itemsOf(first.id())).containsExactly(ELDERLY_ALLOWANCE);

		// closures: not in the past, with a reason
		LocalDate today = days.today();
		assertThat(console.close(created, today.minusDays(1).toString(), "检修", admin)).contains("hall.points.error.closure.past");
		assertThat(console.close(created, today.plusDays(3).toString(), " ", admin)).contains("hall.points.error.closure.reason");
		assertThat(console.close(created, "2026-13-01", "检修", admin)).contains("hall.points.error.closure.day");
		assertThat(console.close(created, today.plusDays(3).toString(), "停电检修", admin)).isEmpty();
		assertThat(points.closure(created.id(), today.plusDays(3))).contains("停电检修");

		// only counter clerks go to windows
		People.Staff approver = newStaff("XH-ZWFW", Role.APPROVER, "审批人员");
		People.Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "窗口人员");
		assertThat(console.assign(created, first, approver.username(), admin)).contains("hall.points.error.staff.role");
		assertThat(console.assign(created, first, "no-such-user-" + code, admin)).contains("hall.points.error.staff.unknown");
		assertThat(console.assign(created, first, clerk.username(), admin)).isEmpty();
		assertThat(console.clerksAt(first)).extracting(PointConsole.Clerk::name).containsExactly("窗口人员");
		console.unassign(created, first, clerk.id(), admin);
		assertThat(console.clerksAt(first)).isEmpty();
	}

	@Test
	void theConsolePagesAnswerBadInputBesideTheFieldAndNever500() {
		People.Staff admin = newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "网点页面管理员");
		FormSession session = FormSession.staff(url(""), admin);
		assertThat(session.get("/console/service-points").body()).contains("XH-BM-BS");
		HttpResponse<String> refused = session.postFrom("/console/service-points/new", "/console/service-points/new", "code", "X", "name", "测试",
				"level", "TOWNSHIP", "township", BEISHAN, "address", "地址", "latitude", "30.2", "longitude", "120.1", "hours", "9点到5点",
				"phone", "");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<title>错误：", "data-testid=\"error-summary\"", "href=\"#code\"", "办公时间请按 09:00-12:00,13:30-17:00 的格式填写");
		HttpResponse<String> overlong = session.postFrom("/console/service-points/new", "/console/service-points/new", "code", "Y".repeat(5000),
				"name", "名".repeat(5000), "level", "NOPE", "township", "x", "address", "", "latitude", "abc", "longitude", "1e400", "hours",
				"", "phone", "x");
		assertThat(overlong.statusCode()).isLessThan(500);
		HttpResponse<String> control = session.postFrom("/console/service-points/new", "/console/service-points/new", "code", "A\u0000B",
				"name", "名\u0007称", "level", "TOWNSHIP", "township", BEISHAN, "address", "地址", "hours", "09:00-12:00");
		assertThat(control.statusCode()).isLessThan(500);

		String code = code("P");
		HttpResponse<String> saved = session.postFrom("/console/service-points/new", "/console/service-points/new", "code", code, "name",
				"页面新建代办点", "level", "VILLAGE", "township", BEISHAN, "address", "北山街道某社区", "latitude", "30.27", "longitude", "120.15",
				"hours", "09:00-11:30,14:00-16:30", "phone", "");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(session.get("/service-points/" + code).body()).contains("页面新建代办点", "代办点", "北纬 30.27");
		assertThat(session.get("/console/service-points/NOPE").statusCode()).isEqualTo(404);
	}
}
