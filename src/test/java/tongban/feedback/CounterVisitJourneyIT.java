package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tongban.approval.ApprovalManagement;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.support.TestCases;

/**
 * 一次一评: a counter clerk goes from the counter page to the rating QR code of a visit at a window; the address it
 * carries opens the rating page in a browser that never signed in; a bad score is refused with the error summary, the
 * rating is then given once, and a second one (page or API) is refused. Wrong input through the API is 422 problem+json
 * naming the field; an unknown token 404; nothing of a refused rating is saved.
 */
class CounterVisitJourneyIT extends JourneyTest {

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	CaseRatings caseRatings;

	private RestClient api() {
		return RestClient.builder().baseUrl(url("")).defaultStatusHandler(x -> true, (req, res) -> { }).build();
	}

	@Test
	void aVisitIsRatedOnceWithoutSigningIn() {
		Staff clerk = newStaff("XH-ZWFW", Role.COUNTER_CLERK, "窗口评价员");
		Page c = staffPage(clerk);
		c.navigate(base() + "/workbench/counter/intake");
		c.getByTestId("counter-rating-link").click();
		c.getByTestId("open-visit").click();
		assertThat(c.getByTestId("error-summary").textContent()).contains("请选择窗口");
		c.locator("#window").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
		c.getByTestId("open-visit").click();
		assertThat(c.getByTestId("visit-qr").locator("svg").count()).isEqualTo(1);
		String link = c.getByTestId("visit-url").getAttribute("href");
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(token).hasSize(43);
		assertThat(c.getByTestId("visit-state").textContent()).isEqualTo("待评价");

		// the visitor: no account, no cookies
		page.navigate(base() + "/rate/" + token);
		assertThat(page.url()).doesNotContain("/login");
		accessible();
		RestClient api = api();
		var outOfRange = api.post().uri("/api/visits/{t}/rating", token).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("level", "SATISFIED", "scores", Map.of("overall", 7))).retrieve().toEntity(Map.class);
		assertThat(outOfRange.getStatusCode().value()).isEqualTo(422);
		assertThat(outOfRange.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(outOfRange.getBody().get("errors").toString()).contains("score-overall");
		var unknownTag = api.post().uri("/api/visits/{t}/rating", token).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("level", "SATISFIED", "tags", List.of("NO_SUCH_TAG"))).retrieve().toEntity(Map.class);
		assertThat(unknownTag.getStatusCode().value()).isEqualTo(422);
		assertThat(unknownTag.getBody().get("errors").toString()).contains("tags");
		var wrongDimension = api.post().uri("/api/visits/{t}/rating", token).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("level", "SATISFIED", "scores", Map.of("usability", 3))).retrieve().toEntity(Map.class);
		assertThat(wrongDimension.getStatusCode().value()).as("usability is an online dimension").isEqualTo(422);
		assertThat(api.post().uri("/api/visits/{t}/rating", "A".repeat(43)).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("level", "SATISFIED")).retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from feedback_rating r join feedback_visit v on v.id = r.visit_id where v.token = ?").param(token)
			.query(Long.class).single()).isZero();

		page.locator("#level-VERY_SATISFIED").check();
		page.getByTestId("rating-details").locator("summary").click();
		page.locator("#score-attitude-5").check();
		page.locator("#comment").fill("很".repeat(501));
		page.getByTestId("submit-rating").click();
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").textContent()).contains("不能超过 500 字");
		assertThat(page.locator("#score-attitude-5").isChecked()).isTrue();
		accessible();
		page.locator("#comment").fill("窗口人员很耐心。");
		page.locator("#tag-COURTEOUS").check();
		page.getByTestId("submit-rating").click();
		assertThat(page.getByTestId("visit-rated").isVisible()).isTrue();
		accessible();

		var second = api.post().uri("/api/visits/{t}/rating", token).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("level", "VERY_DISSATISFIED", "comment", "再评一次")).retrieve().toEntity(Map.class);
		assertThat(second.getStatusCode().value()).isEqualTo(409);
		assertThat(second.getBody().get("code")).isEqualTo("rating-exists");
		assertThat(jdbc.sql("select level from feedback_rating r join feedback_visit v on v.id = r.visit_id where v.token = ?").param(token)
			.query(Integer.class).list()).containsExactly(5);
		c.reload();
		assertThat(c.getByTestId("visit-state").textContent()).isEqualTo("已评价");
		c.context().close();
	}

	/**
	 * The public statistics page: no sign-in, filters, the chart drawn by ECharts from the page's own figures; the figures
	 * shown for a department are those counted from its ratings (two of them made here, one good and one bad).
	 */
	@Test
	void publicStatisticsPage() {
		Citizen pleased = newCitizen("公示好评人", 2);
		Citizen unhappy = newCitizen("公示差评人", 2);
		UUID good = Concluded.socialSecurityCard(applying, cases, approval, pleased);
		UUID bad = Concluded.socialSecurityCard(applying, cases, approval, unhappy);
		caseRatings.rateCase(TestCases.actor(pleased), good, new RatingInput("VERY_SATISFIED", null, null, null));
		caseRatings.rateCase(TestCases.actor(unhappy), bad, new RatingInput("DISSATISFIED", null, List.of("OVERDUE"), null));
		LocalDate month = YearMonth.now(Clocks.ZONE).atDay(1);
		Map<String, Object> counted = jdbc.sql("""
				select count(*) as ratings, count(*) filter (where level >= 4) as good, count(*) filter (where level <= 2) as bad,
				  count(*) filter (where level <= 2 and 'OVERDUE' = any(tags)) as overdue
				from feedback_rating
				where department_code = ? and region_code like '330106%' and month = ? and not excluded and replaced_by is null""")
			.params(Concluded.DEPARTMENT, month).query().singleRow();
		long ratings = ((Number) counted.get("ratings")).longValue();
		assertThat(ratings).as("the two ratings made here at least").isGreaterThanOrEqualTo(2);
		assertThat(((Number) counted.get("bad")).longValue()).isPositive();
		NumberFormat percent = NumberFormat.getPercentInstance(Locale.SIMPLIFIED_CHINESE);
		percent.setMinimumFractionDigits(2);
		percent.setMaximumFractionDigits(2);
		String goodRate = percent.format(Math.round(((Number) counted.get("good")).longValue() * 10000.0 / ratings) / 10000.0);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			page.navigate(base() + "/ratings?region=330106&department=" + Concluded.DEPARTMENT);
			assertThat(page.getByTestId("stat-ratings").textContent()).isEqualTo(String.valueOf(ratings));
		});
		assertThat(page.getByTestId("stat-bad").textContent()).isEqualTo(counted.get("bad").toString());
		assertThat(page.getByTestId("stat-good-rate").textContent()).isEqualTo(goodRate);
		var overdue = page.getByTestId("stats-tags").locator("tr", new Locator.LocatorOptions().setHasText("超过法定办理时间"));
		assertThat(overdue.locator("td").textContent()).as("bad ratings tagged OVERDUE").isEqualTo(counted.get("overdue").toString());
		var thisMonth = page.getByTestId("stats-months").locator("tbody tr").last();
		assertThat(thisMonth.locator("th").textContent()).isEqualTo(YearMonth.now(Clocks.ZONE).toString());
		assertThat(thisMonth.locator("td").first().textContent()).as("the month's row agrees").isEqualTo(String.valueOf(ratings));

		page.navigate(base() + "/ratings?region=330106&department=XH-ZWFW");
		assertThat(page.url()).doesNotContain("/login");
		assertThat(page.getByTestId("stats-total").isVisible()).isTrue();
		assertThat(page.locator("#department").inputValue()).isEqualTo("XH-ZWFW");
		page.waitForFunction("() => document.querySelector('#rating-chart canvas') !== null");
		accessible();
		assertThat(page.locator("#region option:checked").textContent()).as("regions chosen by name").isEqualTo("西湖区");
		page.locator("#region").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("杭州市"));
		page.locator("#month").fill("2026-01");
		page.getByTestId("stats-apply").click();
		assertThat(page.url()).contains("month=2026-01").contains("region=330100");
		// a month without ratings: no table of bare headers, a sentence instead
		assertThat(page.getByTestId("stat-ratings").textContent()).isEqualTo("0");
		assertThat(page.getByTestId("stats-departments").count()).isZero();
		assertThat(page.getByTestId("stats-departments-none").isVisible()).isTrue();
		assertThat(page.getByTestId("stats-months").locator("tbody tr").count()).isEqualTo(12);
		page.navigate(base() + "/ratings?month=2026-13");
		assertThat(page.title()).startsWith("错误：");
		assertThat(page.getByTestId("error-summary").textContent()).contains("月份格式应为");
		assertThat(page.locator("#month").inputValue()).as("input kept").isEqualTo("2026-13");
		accessible();
	}
}
