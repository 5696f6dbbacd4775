package tongban.hall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.ServiceGuide;

/** The amounts of every fee text of the demo catalogue, counted by hand from the texts. */
class FeeRulesTest {

	/** Each standard text of the demo catalogue and the amounts (fen) a person may be charged under it. */
	private static final Map<String, List<Long>> EXPECTED = Map.of(
			"20元/证", List.of(2000L),
			"40元/证", List.of(4000L),
			"10元/证", List.of(1000L),
			"80元/件，含第一本不动产权证书工本费；每增加一本证书加收工本费10元", List.of(8000L),
			"550元/件，含第一本不动产权证书工本费；每增加一本证书加收工本费10元", List.of(55000L),
			"住宅80元/件，非住宅550元/件；符合减免政策的按规定减免", List.of(8000L, 55000L),
			"80元/件，含第一本不动产权证书工本费", List.of(8000L));

	@Test
	void everyFeeTextOfTheDemoCatalogueIsReadAsCountedByHand() throws Exception {
		List<String> seen = new ArrayList<>();
		try (InputStream in = getClass().getResourceAsStream("/data/catalog/demo-items.json")) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			for (JsonNode item : root.get("items")) {
				for (JsonNode fee : item.path("fees")) {
					String standard = fee.get("standard").asString();
					seen.add(standard);
					assertThat(EXPECTED).as("a new fee text: count its amounts by hand here").containsKey(standard);
					assertThat(FeeRules.options(new ServiceGuide.Fee(fee.get("item").asString(), standard, null)))
						.extracting(FeeRules.Option::fen)
						.as(standard)
						.containsExactlyElementsOf(EXPECTED.get(standard));
				}
			}
		}
		assertThat(seen).hasSize(8);
	}

	@Test
	void labelledAmountsAreChoicesNamedAfterTheirLabel() {
		assertThat(FeeRules.options(new ServiceGuide.Fee("不动产登记费", "住宅80元/件，非住宅550元/件", null)))
			.containsExactly(new FeeRules.Option("不动产登记费（住宅）", 8000), new FeeRules.Option("不动产登记费（非住宅）", 55000));
	}

	@Test
	void textsNamingNoAmountCannotBeRead() {
		assertThat(FeeRules.options(new ServiceGuide.Fee("工本费", "按实际成本收取", null))).isEmpty();
		assertThat(FeeRules.options(new ServiceGuide.Fee("工本费", "免费", null))).isEmpty();
		assertThat(FeeRules.options(new ServiceGuide.Fee("工本费", null, null))).isEmpty();
		assertThat(FeeRules.options(new ServiceGuide.Fee("工本费", "0元", null))).isEmpty();
	}

	@Test
	void decimalYuanBecomeWholeFenWithoutRounding() {
		assertThat(FeeRules.options(new ServiceGuide.Fee("证照费", "12.5元/本", null))).extracting(FeeRules.Option::fen).containsExactly(1250L);
		assertThat(FeeRules.fen("0.01")).isEqualTo(1);
		assertThat(FeeRules.yuan(55000)).isEqualTo("550.00元");
		assertThat(FeeRules.yuan(1)).isEqualTo("0.01元");
	}
}
