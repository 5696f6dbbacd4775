package tongban.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tongban.catalog.ItemSummary;

class ItemChoicesTest {

	static ItemSummary item(String code, String name, String department) {
		return new ItemSummary(code, name, "行政许可", department, 4, 0, "个人");
	}

	@Test
	void groupsByDepartmentInPinyinOrderWithItemsInPinyinOrder() {
		var choices = ItemChoices.of("", List.of(item("A", "职工养老保险关系转移", "XH-RLSB"), item("B", "食品经营许可", "XH-SCJG"),
				item("C", "出生医学证明", "XH-WJ"), item("D", "社会保障卡申领", "XH-RLSB"), item("E", "个体工商户登记", "XH-SCJG"),
				item("F", "失业登记", "XH-RLSB")),
				Map.of("XH-RLSB", "区人力社保局", "XH-SCJG", "区市场监管局", "XH-WJ", "区卫生健康局"));
		// 人 ren < 市 shi < 卫 wei; 社 she < 失 shi < 职 zhi; 个 ge < 食 shi
		assertThat(choices.groups()).extracting(ItemChoices.Group::department).containsExactly("区人力社保局", "区市场监管局", "区卫生健康局");
		assertThat(choices.groups().getFirst().items()).extracting(ItemSummary::name).containsExactly("社会保障卡申领", "失业登记", "职工养老保险关系转移");
		assertThat(choices.groups().get(1).items()).extracting(ItemSummary::name).containsExactly("个体工商户登记", "食品经营许可");
		assertThat(choices.count()).isEqualTo(6);
	}

	@Test
	void anUnknownDepartmentIsLabelledByItsCode() {
		var choices = ItemChoices.of("sbk", List.of(item("A", "社会保障卡申领", "XH-NEW")), Map.of());
		assertThat(choices.groups()).extracting(ItemChoices.Group::department).containsExactly("XH-NEW");
		assertThat(choices.query()).isEqualTo("sbk");
	}
}
