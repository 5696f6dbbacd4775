package tongban.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tongban.catalog.ServiceGuide.ItemType;

/** Issue 16 point 5: the documents of a case follow the item's type; only a 行政许可 cites the 行政许可法. */
class DocumentWordingTest {

	private static final String BASIS = "《社会保险法》第五十八条；《社会保障卡管理办法》";

	@Test
	void aLicenceIsDecidedUnderTheLicensingLaw() {
		DocumentWording w = new DocumentWording(ItemType.XK, "《食品安全法》第三十五条");
		assertThat(w.decisionTitle(true)).isEqualTo("准予行政许可决定书");
		assertThat(w.decisionTitle(false)).isEqualTo("不予行政许可决定书");
		assertThat(w.decisionBasis(true)).isEqualTo("根据《中华人民共和国行政许可法》第三十八条第一款，");
		assertThat(w.decisionBasis(false)).contains("第三十八条第二款");
		assertThat(w.acceptanceBasis()).contains("第三十二条");
		assertThat(w.remedies()).contains("行政复议").contains("行政诉讼");
	}

	@Test
	void aPublicServiceGetsANoticeOfItsResultWithoutTheLicensingLaw() {
		DocumentWording w = new DocumentWording(ItemType.GG, BASIS);
		assertThat(w.decisionTitle(true)).isEqualTo("办理结果通知书");
		assertThat(w.decisionTitle(false)).isEqualTo("不予办理通知书");
		assertThat(w.decisionBasis(true) + w.acceptanceBasis() + w.supplementBasis() + w.remedies()).doesNotContain("行政许可")
			.doesNotContain("行政复议");
		assertThat(w.decisionBasis(true)).isEqualTo("根据《社会保险法》第五十八条，");
	}

	@Test
	void otherAdministrativeActsCiteTheirOwnBasisAndKeepTheRemedies() {
		DocumentWording confirmation = new DocumentWording(ItemType.QR, "《婚姻登记条例》第七条");
		assertThat(confirmation.decisionTitle(true)).isEqualTo("行政确认决定书");
		assertThat(confirmation.decisionTitle(false)).isEqualTo("不予行政确认决定书");
		assertThat(confirmation.decisionBasis(false)).isEqualTo("根据《婚姻登记条例》第七条，");
		assertThat(confirmation.acceptanceBasis()).isEmpty();
		assertThat(confirmation.remedies()).contains("行政复议");
		assertThat(new DocumentWording(ItemType.GF, "").decisionTitle(true)).isEqualTo("行政给付决定书");
		assertThat(new DocumentWording(ItemType.GF, "").decisionBasis(true)).isEmpty();
	}
}
