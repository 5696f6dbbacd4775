package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import tongban.support.IntegrationTest;

/**
 * The search mechanics on items of its own (found among the top 10 beside the demo catalogue): words, synonyms,
 * pinyin, initials, one typo, facets, odd input. Ranking on the demo catalogue is SearchRelevanceIT.
 */
class CatalogSearchIT extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CatalogSearch search;

	@Autowired
	JsonMapper json;

	final String tag = UUID.randomUUID().toString().substring(0, 6);

	private ServiceGuide guide(String code, String name, List<String> aliases, ServiceGuide.ItemType type, int visits) {
		ObjectNode n = json.valueToTree(PublishingGateTest.valid());
		n.put("code", code);
		n.put("department", "TD-" + tag);
		n.put("name", name);
		n.put("subItem", name);
		n.put("mainItem", name);
		n.set("aliases", json.valueToTree(aliases));
		n.set("keywords", json.valueToTree(List.of(tag)));
		n.put("type", type.name());
		n.put("onlineDepth", visits > 0 ? 3 : 4);
		n.put("requiredVisits", visits);
		n.put("visitReason", visits > 0 ? "核验原件" : null);
		n.put("resultName", "办理结果");
		n.put("resultType", "DOCUMENT");
		return json.treeToValue(n, ServiceGuide.class);
	}

	@BeforeAll
	void items() {
		catalog.importPublished(guide("T-" + tag + "-1", "社会保障卡补领", List.of("补办社保卡"), ServiceGuide.ItemType.GG, 0), null, "测试");
		catalog.importPublished(guide("T-" + tag + "-2", "结婚登记", List.of("领结婚证"), ServiceGuide.ItemType.QR, 1), null, "测试");
		catalog.importPublished(guide("T-" + tag + "-3", "居民身份证换领", List.of("换身份证"), ServiceGuide.ItemType.GG, 1), null, "测试");
	}

	private List<String> top(String q) {
		return search.search(q, null, null, null, 10).hits().stream().map(ItemSummary::name).toList();
	}

	@Test
	void chineseWordsAndSynonyms() {
		assertThat(top("社保卡补办")).contains("社会保障卡补领");
		assertThat(top("社会保障卡")).contains("社会保障卡补领");
		assertThat(top("二代证")).as("synonym of 居民身份证").contains("居民身份证换领");
		assertThat(top("结婚")).contains("结婚登记");
	}

	@Test
	void pinyinInitialsAndOneTypo() {
		assertThat(top("sbk")).as("initials of the synonym 社保卡").contains("社会保障卡补领");
		assertThat(top("jiehun")).as("full pinyin prefix").contains("结婚登记");
		assertThat(top("jiehn")).as("one letter missing").contains("结婚登记");
		assertThat(top("jeihun")).as("two letters swapped").contains("结婚登记");
		assertThat(top("shehuibaozhangka")).contains("社会保障卡补领");
	}

	@Test
	void facetsAndFilters() {
		String dep = "TD-" + tag;
		SearchResult r = search.search(tag, null, dep, null, 10);
		assertThat(r.total()).isEqualTo(3);
		assertThat(r.byType()).containsEntry("GG", 2L).containsEntry("QR", 1L);
		assertThat(r.byVisits()).containsEntry(0, 1L).containsEntry(1, 2L);
		assertThat(r.byDepartment()).containsOnlyKeys(dep);
		assertThat(search.search(tag, "QR", dep, null, 10).hits()).extracting(ItemSummary::name).containsExactly("结婚登记");
		assertThat(search.search(tag, null, dep, 0, 10).hits()).extracting(ItemSummary::name).containsExactly("社会保障卡补领");
	}

	@Test
	void oddInputIsANormalEmptyOrTrimmedQuery() {
		assertThat(search.search("", null, null, null, 10).total()).isZero();
		assertThat(search.search("!!!@@@###", null, null, null, 10).total()).isZero();
		// an over-long query is cut to MAX_QUERY characters and then searched as usual, not refused
		SearchResult long1 = search.search("社".repeat(10_000), null, null, null, 10);
		assertThat(long1.query()).isEqualTo("社".repeat(CatalogSearch.MAX_QUERY));
		SearchResult cut = search.search("社".repeat(CatalogSearch.MAX_QUERY), null, null, null, 10);
		assertThat(long1.total()).isEqualTo(cut.total());
		assertThat(long1.hits()).extracting(ItemSummary::code).isEqualTo(cut.hits().stream().map(ItemSummary::code).toList());
		SearchResult repeated = search.search("社会保障卡".repeat(2_000), null, "TD-" + tag, null, 10);
		assertThat(repeated.query()).isEqualTo("社会保障卡".repeat(CatalogSearch.MAX_QUERY / "社会保障卡".length()));
		assertThat(repeated.hits()).as("what the cut query names is still found").extracting(ItemSummary::name).containsExactly("社会保障卡补领");
		assertThat(CatalogSearch.clean("社".repeat(10_000))).hasSize(CatalogSearch.MAX_QUERY);
		assertThat(search.search("*:*) OR (", null, null, null, 10).total()).isZero();
	}

	@Autowired
	tongban.catalog.internal.SearchIndexing indexing;

	@Test
	void theIndexCanBeRebuiltFromTheTable() throws InterruptedException {
		long before = search.search(tag, null, "TD-" + tag, null, 10).total();
		indexing.rebuild();
		assertThat(search.search(tag, null, "TD-" + tag, null, 10).total()).isEqualTo(before).isEqualTo(3);
		assertThat(top("sbk")).contains("社会保障卡申领");
	}
}
