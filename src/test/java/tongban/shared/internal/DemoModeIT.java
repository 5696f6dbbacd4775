package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import tongban.identity.Role;
import tongban.shared.DemoData;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.SecondNode;

/**
 * Issue 24 §3: while the platform runs with demo data every kind of page says so at the top, once; a platform without
 * demo data shows no banner; and the demo accounts are never served at a public https address unless forced.
 */
class DemoModeIT extends IntegrationTest {

	static final String BANNER = "演示环境 — 账号和数据均为演示用途";
	static final String PUBLIC_URL = "https://tongban.example.gov.cn";

	/** Pages anyone can open: home, sign-in, the kiosk, a 12345 page and the 404 error page. */
	static final List<String> PUBLIC_PAGES = List.of("/", "/login", "/kiosk", "/hotline", "/items/no-such-item-" + System.nanoTime());

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DemoData demo;

	@Test
	void withDemoDataEveryKindOfPageShowsTheBannerOnce() {
		assertThat(demo.present()).isTrue();
		FormSession anyone = new FormSession(url(""));
		for (String page : PUBLIC_PAGES) {
			assertThat(banners(anyone.get(page))).as(page).containsExactly(BANNER);
		}
		FormSession admin = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "演示横幅管理员"));
		for (String page : List.of("/workbench", "/console/sms-outbox")) {
			assertThat(banners(admin.get(page))).as(page).containsExactly(BANNER);
		}
		FormSession citizen = new FormSession(url(""));
		citizen.signIn(newCitizen("演示横幅", 2).idNumber(), PASSWORD);
		assertThat(banners(citizen.get("/account"))).as("/account").containsExactly(BANNER);
	}

	@Test
	void theBannerIsALabelledRegionReadInPlaceNeverALiveAnnouncement() {
		String body = new FormSession(url("")).get("/").body();
		Matcher banner = Pattern.compile("<div class=\"demo-banner\"[^>]*>").matcher(body);
		assertThat(banner.find()).isTrue();
		assertThat(banner.group()).contains("role=\"region\"", "aria-label=\"演示环境提示\"").doesNotContain("aria-live", "alert", "status");
		assertThat(body.indexOf("demo-banner")).as("at the top, before the site's own header bar").isLessThan(body.indexOf("header-inner"));
	}

	@Test
	void theSimulatedSmsOutboxSaysNoMessageReallyLeaves() {
		FormSession admin = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "短信发件箱管理员"));
		assertThat(admin.get("/workbench").body()).contains("data-testid=\"sms-outbox-link\"");
		assertThat(admin.get("/console/sms-outbox").body()).contains("短信发件箱（模拟）", "模拟发送", "不会把短信真的发到任何手机上");
	}

	@Test
	void demoAccountsLeftInTheDatabaseAreNotServedAtAPublicAddress() {
		// a node with TONGBAN_DEMO=false on this database, which holds the demo accounts the suite's node loaded
		Throwable failure = SecondNode.tryStart(context, Map.of("tongban.public-url", PUBLIC_URL))
			.orElseThrow(() -> new AssertionError("a node with demo accounts started at a public address"));
		DemoExposed refusal = (DemoExposed) NestedExceptionUtils.getMostSpecificCause(failure);
		assertThat(refusal.getMessage()).contains("已有演示账号", PUBLIC_URL, "TONGBAN_DEMO_FORCE=true").doesNotContain("\n");
		FailureAnalysis analysis = new DemoExposedFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo(refusal.getMessage());
	}

	@Test
	void aPlatformWithoutDemoDataShowsNoBannerAndOneAboutToLoadItPubliclyDoesNotStart() {
		Path folder = SecondNode.dataFolder();
		Map<String, String> ownDatabase = Map.of("spring.datasource.url", "", "tongban.data-dir", folder.toString());

		Throwable failure = SecondNode.tryStart(context, with(ownDatabase, "tongban.demo", "true", "tongban.public-url", PUBLIC_URL))
			.orElseThrow(() -> new AssertionError("demo data loaded at a public address"));
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(DemoExposed.class)
			.hasMessageContaining("TONGBAN_DEMO=false").hasMessageContaining(PUBLIC_URL);

		// the refused start loaded nothing: the same database without demo data serves, at the same address, bannerless
		try (SecondNode plain = SecondNode.start(context, with(ownDatabase, "tongban.demo", "false", "tongban.public-url", PUBLIC_URL))) {
			assertThat(plain.bean(DemoData.class).present()).isFalse();
			FormSession anyone = new FormSession(plain.url(""));
			for (String page : PUBLIC_PAGES) {
				HttpResponse<String> answer = anyone.get(page);
				assertThat(answer.body()).as(page).contains("<main").doesNotContain("demo-banner", "账号和数据均为演示用途");
			}
		}
	}

	private static Map<String, String> with(Map<String, String> base, String... more) {
		Map<String, String> all = new LinkedHashMap<>(base);
		for (int i = 0; i < more.length; i += 2) {
			all.put(more[i], more[i + 1]);
		}
		return all;
	}

	/** The text of each demo banner on the page, tags removed and spaces collapsed. */
	static List<String> banners(HttpResponse<String> page) {
		Matcher banner = Pattern.compile("<div class=\"demo-banner\".*?</div>", Pattern.DOTALL).matcher(page.body());
		return banner.results()
			.map(found -> found.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())
			.toList();
	}
}
