package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.web.util.HtmlUtils;

import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * Issue 20, the badge test: every published guide's 便民服务 badges lead to a working page. It goes through every
 * guide as a signed-in citizen, follows each badge's link and expects the page itself (200, not an error page), and it
 * asks every {@link CapabilityProvider} that provides a capability an item claims for its page, so a provider whose
 * page is missing or broken fails here whichever module brings it.
 */
class GuideBadgesIT extends IntegrationTest {

	private static final Pattern BADGE = Pattern.compile("<a\\b[^>]*\\bdata-capability=\"([A-Z_]+)\"[^>]*>");
	private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");
	private static final List<String> ERROR_TITLES = List.of("页面不存在", "没有权限", "请求有误", "请先登录", "服务暂时出现问题", "无法完成操作");

	@Autowired
	CatalogManagement catalog;

	@Autowired
	List<CapabilityProvider> providers;

	@Test
	void everyBadgeOfEveryPublishedGuideLeadsToAWorkingPage() {
		Citizen me = newCitizen("徽章测试", 3);
		FormSession citizen = new FormSession(url(""));
		assertThat(citizen.signIn(me.idNumber(), PASSWORD)).endsWith("/account");
		List<ItemSummary> items = catalog.browse(ItemFilter.any(), Pageable.ofSize(1000)).getContent();
		assertThat(items).hasSizeGreaterThanOrEqualTo(60);
		List<String> followed = new ArrayList<>();
		for (ItemSummary item : items) {
			ServiceGuide guide = catalog.published(item.code()).orElseThrow().guide();
			for (CapabilityProvider provider : providers) {
				if (provider.capability().claimedBy(guide) && provider.provides(guide)) {
					assertThat(provider.page(guide)).as(provider.getClass().getSimpleName() + " gives no page for " + item.name()).isPresent();
				}
			}
			HttpResponse<String> guidePage = citizen.get("/items/" + item.code());
			assertThat(guidePage.statusCode()).as(item.name()).isEqualTo(200);
			Matcher badge = BADGE.matcher(guidePage.body());
			int badges = 0;
			while (badge.find()) {
				badges++;
				Matcher href = HREF.matcher(badge.group());
				assertThat(href.find()).as(badge.group(1) + " of " + item.name() + " is a link").isTrue();
				String link = HtmlUtils.htmlUnescape(href.group(1));
				assertWorking(citizen, link, badge.group(1) + " of " + item.name());
				followed.add(badge.group(1) + " " + link);
			}
			assertThat(badges).as("badges of " + item.name()).isEqualTo(guideBadges(guide));
		}
		assertThat(followed).as("the test followed badges at all").anyMatch(f -> f.startsWith("DELIVERY "));
	}

	@Test
	void aBrokenBadgePageIsCaught() {
		Citizen me = newCitizen("徽章反例", 3);
		FormSession citizen = new FormSession(url(""));
		citizen.signIn(me.idNumber(), PASSWORD);
		assertThat(pageOf(citizen, "/hall/delivery/items/no-such-item").statusCode()).isEqualTo(404);
	}

	@Autowired
	Capabilities capabilities;

	private int guideBadges(ServiceGuide guide) {
		return capabilities.badges(guide).size();
	}

	private void assertWorking(FormSession session, String link, String what) {
		assertThat(link).as(what + " stays on the site").startsWith("/");
		HttpResponse<String> page = pageOf(session, link);
		assertThat(page.statusCode()).as(what + " → " + link).isEqualTo(200);
		assertThat(page.body()).as(what + " → " + link + " is not an error page").doesNotContain(ERROR_TITLES.stream()
			.map(t -> "<h1>" + t + "</h1>").toArray(String[]::new));
	}

	/** The page at {@code link}, following up to three redirects within the site (a start page that opens a draft). */
	private HttpResponse<String> pageOf(FormSession session, String link) {
		HttpResponse<String> page = session.get(link);
		for (int i = 0; i < 3 && page.statusCode() / 100 == 3; i++) {
			String location = page.headers().firstValue("Location").orElseThrow();
			URI target = URI.create(url("")).resolve(location);
			assertThat(target.getPort()).as("redirect of " + link + " stays on the site").isEqualTo(port);
			page = session.get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
		}
		return page;
	}
}
