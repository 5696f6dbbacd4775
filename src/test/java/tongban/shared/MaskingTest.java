package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

	@Test
	void masksAsTheGlossaryShows() {
		assertThat(Masking.idNumber("330106199001011234")).isEqualTo("330106********1234");
		assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.name("欧阳修")).isEqualTo("欧**");
		assertThat(Masking.idNumber(null)).isEqualTo("****");
	}
}
