package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mainland mobiles are 11 digits beginning 13–19; landlines have a 3- or 4-digit area code beginning 0. */
class MobileNumberTest {

	@Test
	void elevenDigitsFromThirteenToNineteenAreAMobile() {
		assertThat(MobileNumber.valid(" 13912345678 ")).isTrue();
		assertThat(MobileNumber.valid("19912345678")).isTrue();
		assertThat(MobileNumber.valid("12912345678")).as("1 then 2").isFalse();
		assertThat(MobileNumber.valid("1391234567")).as("ten digits").isFalse();
		assertThat(MobileNumber.valid("139123456789")).as("twelve digits").isFalse();
		assertThat(MobileNumber.valid(null)).isFalse();
		assertThat(MobileNumber.parse(" 13912345678")).map(MobileNumber::digits).contains("13912345678");
		assertThat(MobileNumber.parse("0571-87654321")).isEmpty();
		assertThatThrownBy(() -> new MobileNumber("1391234567")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPhoneIsAMobileOrALandlineWithItsAreaCode() {
		assertThat(MobileNumber.phone("13912345678")).isTrue();
		assertThat(MobileNumber.phone("0571-87654321")).isTrue();
		assertThat(MobileNumber.phone("01012345678")).isTrue();
		assertThat(MobileNumber.phone("87654321")).as("no area code").isFalse();
		assertThat(MobileNumber.phone("0571-876543")).as("six digits").isFalse();
	}
}
