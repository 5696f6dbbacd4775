package tongban.insight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.Role;
import tongban.insight.Measure;
import tongban.insight.internal.DailyMeasures;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * The workbench dashboard over figures of August 2019 (a month no other test uses): a city's supervisor drills from
 * districts to a district's departments to a department's items to an item's cases; a district's supervisor asking for
 * another district (or the city) gets 404; a department admin sees their department with its worst items and nothing
 * of another department.
 */
class DashboardIT extends IntegrationTest {

	static final String PERIOD = "from=2019-08-01&to=2019-08-31";
	static final String BUILDING = IndicatorApiIT.BUILDING;
	static final String FIRE = IndicatorApiIT.FIRE;
	static final String FOOD = IndicatorApiIT.FOOD;

	@Autowired
	DailyMeasures daily;

	/**
	 * XH-ZJ in 蒋村街道: 建筑工程施工许可 10 concluded, 7 on time, 3 overdue, 20 visits against 10 declared; 消防验收 in 西湖区 2
	 * concluded, both on time. XH-SCJG: 食品经营许可 in 上城区 (330102) 4 concluded, 2 on time.
	 */
	@BeforeAll
	void figures() {
		LocalDate day = LocalDate.of(2019, 8, 15);
		daily.add(day, "XH-ZJ", "330106011", BUILDING, Measure.CASES_CONCLUDED, 10);
		daily.add(day, "XH-ZJ", "330106011", BUILDING, Measure.CASES_ON_TIME, 7);
		daily.add(day, "XH-ZJ", "330106011", BUILDING, Measure.CASES_OVERDUE, 3);
		daily.add(day, "XH-ZJ", "330106011", BUILDING, Measure.VISITS, 20);
		daily.add(day, "XH-ZJ", "330106011", BUILDING, Measure.VISITS_DECLARED, 10);
		daily.add(day, "XH-ZJ", "330106", FIRE, Measure.CASES_CONCLUDED, 2);
		daily.add(day, "XH-ZJ", "330106", FIRE, Measure.CASES_ON_TIME, 2);
		daily.add(day, "XH-SCJG", "330102", FOOD, Measure.CASES_CONCLUDED, 4);
		daily.add(day, "XH-SCJG", "330102", FOOD, Measure.CASES_ON_TIME, 2);
	}

	@Test
	void theCitysSupervisorDrillsDownFromDistrictsToCases() {
		People.Staff supervisor = newStaff("XH-ZWFW", "330100", Role.SUPERVISOR, "市督查员");
		FormSession browser = FormSession.staff(url(""), supervisor);
		assertThat(browser.get("/workbench").body()).contains("data-testid=\"insight-link\"");

		String city = page(browser, "/workbench/insight?" + PERIOD);
		String districts = IndicatorApiIT.between(city, "data-testid=\"insight-breakdown\"", "</table>");
		assertThat(districts).contains("data-key=\"330106\"").contains("data-key=\"330102\"").contains("西湖区");
		assertThat(cell(districts, "330106", "on-time-rate")).as("9 of 12 on time in 西湖区").isEqualTo("0.75");
		assertThat(cell(districts, "330102", "on-time-rate")).isEqualTo("0.5");
		assertThat(districts).contains("/workbench/insight?region=330106&amp;from=2019-08-01&amp;to=2019-08-31");

		String district = page(browser, "/workbench/insight?region=330106&" + PERIOD);
		String departments = IndicatorApiIT.between(district, "data-testid=\"insight-breakdown\"", "</table>");
		assertThat(departments).contains("data-key=\"XH-ZJ\"").doesNotContain("data-key=\"XH-SCJG\"");
		assertThat(departments).contains("region=330106&amp;department=XH-ZJ");
		assertThat(IndicatorApiIT.between(district, "data-testid=\"insight-trail\"", "</nav>")).contains("杭州市").contains("西湖区");

		String department = page(browser, "/workbench/insight?region=330106&department=XH-ZJ&" + PERIOD);
		String items = IndicatorApiIT.between(department, "data-testid=\"insight-breakdown\"", "</table>");
		assertThat(cell(items, BUILDING, "on-time-rate")).isEqualTo("0.7");
		assertThat(cell(items, FIRE, "on-time-rate")).isEqualTo("1.0");
		assertThat(IndicatorApiIT.between(department, "data-testid=\"worst-on-time\"", "</ol>")).contains(BUILDING).doesNotContain(FIRE);
		assertThat(IndicatorApiIT.between(department, "data-testid=\"worst-overdue\"", "</ol>")).contains("超期 3 件");
		String visits = IndicatorApiIT.between(department, "data-testid=\"worst-visits\"", "</table>");
		assertThat(visits).contains("建筑工程施工许可证核发").contains("2.00").contains("1.00").doesNotContain(FIRE);

		String item = page(browser, "/workbench/insight?region=330106&department=XH-ZJ&item=" + BUILDING + "&" + PERIOD);
		assertThat(item).contains("data-testid=\"insight-cases-none\"");
		assertThat(IndicatorApiIT.between(item, "data-testid=\"insight-totals\"", "</table>")).contains("70.00%");
	}

	@Test
	void aSupervisorOutsideTheRegionFindsNothing() {
		People.Staff supervisor = newStaff("XH-ZWFW", "330106", Role.SUPERVISOR, "区督查员");
		FormSession browser = FormSession.staff(url(""), supervisor);
		String own = page(browser, "/workbench/insight?" + PERIOD);
		assertThat(IndicatorApiIT.between(own, "data-testid=\"insight-breakdown\"", "</table>")).contains("data-key=\"XH-ZJ\"")
			.doesNotContain("data-key=\"XH-SCJG\"");
		for (String outside : new String[] { "region=330102", "region=330100", "region=999999", "region=330102&department=XH-SCJG",
				"item=" + BUILDING, "department=XH-NOPE", "department=XH-ZJ&item=330106-XX-9999-99" }) {
			assertThat(browser.get("/workbench/insight?" + outside + "&" + PERIOD).statusCode()).as(outside).isEqualTo(404);
		}
		assertThat(browser.get("/workbench/insight?region=330106011&" + PERIOD).statusCode()).as("a township inside").isEqualTo(200);
	}

	@Test
	void aDepartmentAdminSeesTheirDepartmentOnly() {
		People.Staff admin = newStaff("XH-ZJ", Role.DEPT_ADMIN, "住建管理员");
		FormSession browser = FormSession.staff(url(""), admin);
		String own = page(browser, "/workbench/insight?" + PERIOD);
		assertThat(IndicatorApiIT.between(own, "data-testid=\"insight-breakdown\"", "</table>")).contains("data-key=\"" + BUILDING + "\"");
		assertThat(IndicatorApiIT.between(own, "data-testid=\"worst-visits\"", "</table>")).contains("2.00");
		assertThat(browser.get("/workbench/insight?department=XH-SCJG&" + PERIOD).statusCode()).isEqualTo(404);

		String reversed = page(browser, "/workbench/insight?from=2019-08-31&to=2019-08-01");
		assertThat(reversed).contains("data-testid=\"error-summary\"").contains("id=\"to-error\"").contains("截止日期「2019-08-01」早于起始日期");
		People.Staff platform = newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "平台管理员");
		assertThat(page(FormSession.staff(url(""), platform), "/workbench/insight?department=XH-SCJG&" + PERIOD)).contains("data-key=\"" + FOOD + "\"");
		People.Staff clerk = newStaff("XH-ZJ", Role.APPROVER, "审批员");
		assertThat(FormSession.staff(url(""), clerk).get("/workbench/insight").statusCode()).isIn(403, 404);
	}

	private static String page(FormSession browser, String path) {
		HttpResponse<String> answer = browser.get(path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer.body();
	}

	private static String cell(String table, String key, String indicator) {
		String line = IndicatorApiIT.between(table, "data-key=\"" + key + "\"", "</tr>");
		Matcher m = Pattern.compile("data-indicator=\"" + indicator + "\" data-value=\"([^\"]*)\"").matcher(line);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
