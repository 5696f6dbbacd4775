package tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextsTest {

	@Test
	void oneSignThenEachNoticeOnce() {
		String held = "【通办】您的社会保障卡挂失与补领（1）已受理，预计2026-12-07前办结。";
		String merged = SmsTexts.merge(held, "【通办】您的社会保障卡挂失与补领（1）已准予。");
		assertThat(merged).isEqualTo("【通办】您的社会保障卡挂失与补领（1）已受理，预计2026-12-07前办结。您的社会保障卡挂失与补领（1）已准予。");
		assertThat(SmsTexts.merge(merged, "【通办】您的社会保障卡挂失与补领（1）已准予。")).as("said already").isEqualTo(merged);
		assertThat(SmsTexts.merge("无签名。", "【通办】有签名。")).isEqualTo("无签名。【通办】有签名。");
	}

	@Test
	void tooLongIsNotJoined() {
		String held = "【通办】" + "长".repeat(SmsTexts.MAX_LENGTH - 10);
		assertThat(SmsTexts.merge(held, "【通办】再加二十个字再加二十个字再加二十个字再加二十个字。")).isNull();
	}
}
