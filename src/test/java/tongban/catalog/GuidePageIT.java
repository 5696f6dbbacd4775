package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import tongban.support.IntegrationTest;

/**
 * Issue #16, the small things on public pages as served: the guide's texts said twice, phone numbers one cannot tap,
 * the search page's suggestion list printed again below the footer, no meta description, and Chinese content
 * declared English.
 */
class GuidePageIT extends IntegrationTest {

	private String get(String path) {
		return RestClient.create(url("")).get().uri(url(path)).retrieve().body(String.class);
	}

	/** The text a reader sees: tags dropped, entities of the few kinds the pages use decoded. */
	private static String text(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&quot;", "\"");
	}

	private static String metaDescription(String html) {
		Matcher m = Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as("a meta description").isTrue();
		return m.group(1);
	}

	@Test
	void aMaterialsSourceIsNotRepeatedAndTheTimeLimitNoteIsSaidOnce() {
		String food = text(get("/items/330106-XK-0001-01"));
		assertThat(food).contains("申请人自备").doesNotContain("申请人自备：申请人自备");
		assertThat(food).contains("现场核查（不计入办理时限）");
		assertThat(food.split("不计入办理时限", -1)).as("（不计入办理时限） once").hasSize(2);
		String card = text(get("/items/330106-GG-0001-01"));
		assertThat(card).contains("公安机关核发", "政府部门核发，免提交：");
	}

	@Test
	void phoneNumbersAreTelLinks() {
		String html = get("/items/330106-GG-0001-01");
		assertThat(html).contains("href=\"tel:12345\"").contains("href=\"tel:12333\"");
		assertThat(get("/departments")).containsPattern("href=\"tel:[0-9+-]+\"");
	}

	@Test
	void theSearchPageListsSuggestionsOnlyWhenAskedForThem() {
		String page = get("/search?q=sbk");
		assertThat(page).contains("data-testid=\"search-results\"").doesNotContain("data-testid=\"suggestions\"");
		assertThat(page.indexOf("社会保障卡申领")).isLessThan(page.indexOf("site-footer"));
		assertThat(page.substring(page.indexOf("site-footer"))).doesNotContain("社会保障卡");
		assertThat(get("/search/suggest?q=sbk")).contains("data-testid=\"suggestions\"").contains("社会保障卡申领");
	}

	@Test
	void bundlesAreInTheSearchResults() {
		String page = get("/search?q=开饭店");
		assertThat(page).contains("data-testid=\"search-bundles\"").contains("href=\"/bundles/XH-YJS-RESTAURANT\"");
		assertThat(get("/search/suggest?q=新生儿出生")).contains("href=\"/bundles/XH-YJS-NEWBORN\"");
	}

	@Test
	void everyPageTypeHasASensibleMetaDescription() {
		String home = metaDescription(get("/"));
		String guide = metaDescription(get("/items/330106-GG-0001-01"));
		String search = metaDescription(get("/search?q=sbk"));
		String browse = metaDescription(get("/browse"));
		String bundles = metaDescription(get("/bundles"));
		assertThat(home).contains("政务服务");
		assertThat(guide).contains("社会保障卡申领").contains("申请材料");
		assertThat(search).contains("搜索");
		assertThat(java.util.Set.of(home, guide, search, browse, bundles)).as("one per page type").hasSize(5);
	}

	@Test
	void inEnglishTheCatalogueTextStaysMarkedChinese() {
		String html = get("/items/330106-GG-0001-01?lang=en");
		assertThat(html).contains("<html lang=\"en\"");
		assertThat(html).containsPattern("<h1 lang=\"zh-CN\"[^>]*>社会保障卡申领</h1>");
		assertThat(html).containsPattern("<td [^>]*lang=\"zh-CN\"[^>]*>居民身份证");
		assertThat(metaDescription(html)).startsWith("Service guide for");
		assertThat(get("/search?q=sbk&lang=en")).containsPattern("<a href=\"/items/330106-GG-0001-01\" lang=\"zh-CN\">社会保障卡申领</a>");
		assertThat(get("/bundles/XH-YJS-NEWBORN?lang=en")).containsPattern("<h1 lang=\"zh-CN\">新生儿出生一件事</h1>");
		assertThat(get("/?lang=en")).containsPattern("<a href=\"/items/[^\"]+\" lang=\"zh-CN\">");
	}
}
