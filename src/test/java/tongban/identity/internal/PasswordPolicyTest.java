package tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesShortCommonAndPersonalPasswords() {
		assertThat(policy.check("")).contains("password.error.empty");
		assertThat(policy.check("Ab3$xyz")).contains("password.error.short");
		assertThat(policy.check("x".repeat(129))).contains("password.error.long");
		assertThat(policy.check("Password1")).contains("password.error.common");
		assertThat(policy.check("woaini1314")).contains("password.error.common");
		assertThat(policy.check("a13800000001", "330106199001010016", "13800000001")).contains("password.error.personal");
	}

	@Test
	void acceptsALongUncommonPassword() {
		assertThat(policy.check("西湖龙井-明前-2026", "330106199001010016", "13800000001")).isEmpty();
	}
}
