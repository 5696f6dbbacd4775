package tongban.notification.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSignatureTest {

	@Test
	void theConfiguredSignatureTakesThePlaceOfThePlatformsAndPrecedesATextWithNone() {
		SmsSignature signature = new SmsSignature("【杭州通办】");
		assertThat(signature.apply("【通办】您的验证码为 123456")).isEqualTo("【杭州通办】您的验证码为 123456");
		assertThat(signature.apply("您的验证码为 123456")).isEqualTo("【杭州通办】您的验证码为 123456");
	}

	@Test
	void anotherServicesSignIsKept() {
		assertThat(new SmsSignature("【杭州通办】").apply("【12345】您的诉求已受理")).isEqualTo("【12345】您的诉求已受理");
	}

	@Test
	void theDefaultLeavesThePlatformsTextsAsTheyAreAndNoneLeavesEveryText() {
		assertThat(new SmsSignature("【通办】").apply("【通办】已受理")).isEqualTo("【通办】已受理");
		assertThat(new SmsSignature("").apply("已受理")).isEqualTo("已受理");
	}
}
