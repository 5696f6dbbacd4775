package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.support.IntegrationTest;

/**
 * Realistic queries on the demo catalogue: colloquial and official names, abbreviations, pinyin, initials and
 * typos. The expected item must be among the first three hits.
 */
class SearchRelevanceIT extends IntegrationTest {

	@Autowired
	CatalogSearch search;

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"sbk, 330106-GG-0001-01",
			"社保卡补办, 330106-GG-0001-02",
			"社会保障卡, 330106-GG-0001-01",
			"身份证丢了, 330106-QR-0002-02",
			"换身份证, 330106-QR-0002-01",
			"二代证到期, 330106-QR-0002-01",
			"开饭店, 330106-XK-0001-01",
			"个体户, 330106-XK-0002-01",
			"营业执照变更, 330106-XK-0003-02",
			"结婚, 330106-QR-0006-01",
			"jiehun, 330106-QR-0006-01",
			"jeihun, 330106-QR-0006-01",
			"上户口, 330106-QR-0001-01",
			"出生证, 330106-GG-0003-01",
			"低保, 330106-GF-0005-01",
			"dibao, 330106-GF-0005-01",
			"公租房, 330106-QR-0008-01",
			"失业金, 330106-GF-0001-01",
			"施工许可, 330106-XK-0009-01",
			"二手房过户, 330106-QR-0009-01",
			"办退休, 330106-QR-0004-01",
			"领发票, 330106-GG-0012-01",
			"免费律师, 330106-GG-0016-01",
			"疫苗本, 330106-GG-0005-01",
			"居民医保, 330106-GG-0008-01",
			"异地就医, 330106-GG-0010-01",
			"教资, 330106-XK-0011-01",
			"gongzufang, 330106-QR-0008-01" })
	void expectedItemIsInTheTopThree(String query, String expectedCode) {
		List<String> top3 = search.search(query, null, null, null, 3).hits().stream().map(ItemSummary::code).toList();
		List<String> names = search.search(query, null, null, null, 3).hits().stream().map(ItemSummary::name).toList();
		assertThat(top3).as(query + " → " + names).contains(expectedCode);
	}

	/**
	 * Everyday questions about life situations, held out from data/catalog/life-situations.txt (none of them is a
	 * line of it): how people ask, not how items are named.
	 */
	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"我想开一家饭店, 330106-XK-0001-01",
			"生孩子了要办什么, 330106-GG-0003-01",
			"孩子刚生下来要办什么手续, 330106-QR-0001-01",
			"退休了, 330106-QR-0004-01",
			"到年纪了怎么领养老金, 330106-QR-0004-01",
			"丢了身份证, 330106-QR-0002-02",
			"我的身份证被偷了怎么办, 330106-QR-0002-02",
			"身份证过期了, 330106-QR-0002-01",
			"社保卡丢了, 330106-GG-0001-02",
			"社保卡坏了, 330106-GG-0001-02",
			"孩子上学, 330106-GG-0006-01",
			"孩子明年读小学要准备什么, 330106-GG-0006-01",
			"买房, 330106-QR-0009-01",
			"买了套二手房子, 330106-QR-0009-01",
			"开公司, 330106-GG-0013-01",
			"想注册一家公司, 330106-XK-0003-01",
			"家里老人去世了要办什么, 330106-GG-0015-01",
			"被公司辞退了, 330106-GF-0001-01",
			"老板拖欠工资, 330106-GG-0016-01",
			"去外地看病, 330106-GG-0010-01",
			"上班路上被车撞了, 330106-QR-0005-01",
			"自己交社保, 330106-GG-0002-01",
			"想当老师, 330106-XK-0011-01",
			"想领养一个孩子, 330106-QR-0007-01",
			"家里生活困难, 330106-GF-0005-01",
			"跟邻居闹矛盾了, 330106-GG-0017-01",
			"宝宝要打疫苗, 330106-GG-0005-01",
			"公司不开了, 330106-XK-0003-03" })
	void everydayQuestionsFindTheirItemInTheTopThree(String query, String expectedCode) {
		expectedItemIsInTheTopThree(query, expectedCode);
	}

	/** Bundles belong in search: the everyday question and the bundle's own name both find it. */
	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"开饭店, XH-YJS-RESTAURANT",
			"开办餐饮店, XH-YJS-RESTAURANT",
			"新生儿出生, XH-YJS-NEWBORN",
			"生孩子了要办什么, XH-YJS-NEWBORN" })
	void bundlesAreFound(String query, String bundleCode) {
		assertThat(search.search(query, null, null, null, 10).bundles()).extracting(Bundle::code).as(query).contains(bundleCode);
	}

	@org.junit.jupiter.api.Test
	void unrelatedQuestionsOfferNoBundle() {
		// 营业执照变更 now answers 企业信息变更一件事 (issue 19): invoices have no bundle
		assertThat(search.search("开发票", null, null, null, 10).bundles()).isEmpty();
		assertThat(search.search("结婚", null, null, null, 10).bundles()).isEmpty();
	}

	/** Initials rank only items whose names (or their synonyms) really start so: no typo tolerance on three letters. */
	@org.junit.jupiter.api.Test
	void initialsRankOnlyRealMatches() {
		List<ItemSummary> hits = search.search("sbk", null, null, null, 30).hits();
		assertThat(hits).extracting(ItemSummary::name).contains("社会保障卡申领").noneMatch(n -> n.contains("增值税"));
		for (ItemSummary hit : hits) {
			ServiceGuide g = catalog.published(hit.code()).orElseThrow().guide();
			List<String> terms = new java.util.ArrayList<>(List.of(g.name()));
			terms.addAll(g.aliases());
			terms.addAll(g.keywords());
			assertThat(terms.stream().flatMap(t -> synonyms.expand(t).stream()).map(tongban.catalog.internal.Pinyin::initials))
				.as(hit.name()).anyMatch(i -> i.startsWith("sbk"));
		}
	}

	@Autowired
	CatalogManagement catalog;

	@Autowired
	tongban.catalog.internal.Synonyms synonyms;
}
