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
}
