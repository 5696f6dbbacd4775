package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTest {

	@Test
	void acceptsTheStandardsExampleWithCheckCharacterX() {
		assertThat(IdNumber.check("11010519491231002X")).isEmpty();
		IdNumber id = new IdNumber("11010519491231002x");
		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.regionCode()).isEqualTo("110105");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.male()).isFalse();
	}

	@Test
	void computesTheMod112CheckCharacter() {
		assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
	}

	@Test
	void namesEachProblem() {
		assertThat(IdNumber.check("")).contains(IdNumber.Problem.EMPTY);
		assertThat(IdNumber.check("1101051949123100")).contains(IdNumber.Problem.FORMAT);
		assertThat(IdNumber.check("1101051949123100A")).contains(IdNumber.Problem.FORMAT);
		assertThat(IdNumber.check("110105194912310021")).contains(IdNumber.Problem.CHECK_DIGIT);
		String feb30 = "33010619900230001";
		assertThat(IdNumber.check(feb30 + IdNumber.checkCharacter(feb30))).contains(IdNumber.Problem.BIRTH_DATE);
		String future = "33010621990101001";
		assertThat(IdNumber.check(future + IdNumber.checkCharacter(future))).contains(IdNumber.Problem.BIRTH_DATE);
	}

	@Test
	void refusesARegionCodeThatNeverWasOneButKeepsCountiesMergedAway() {
		// check characters counted by hand: 00000019900101123 → X, 33000519900101123 → 8, 33010419900101123 → 7
		assertThat(IdNumber.checkCharacter("00000019900101123")).isEqualTo('X');
		assertThat(IdNumber.check("00000019900101123X")).as("no province 00").contains(IdNumber.Problem.REGION);
		assertThat(IdNumber.check("330005199001011238")).as("a county without a city").contains(IdNumber.Problem.REGION);
		String hk = "81000019900101123";
		assertThat(IdNumber.check(hk + IdNumber.checkCharacter(hk))).as("Hong Kong residents' permit").isEmpty();
		assertThat(IdNumber.check("330104199001011237")).as("江干区, merged away in 2021, still valid").isEmpty();
		assertThatThrownBy(() -> new IdNumber("00000019900101123X")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesToConstructAnInvalidNumberAndMasksWhenPrinted() {
		assertThatThrownBy(() -> new IdNumber("110105194912310021")).isInstanceOf(IllegalArgumentException.class);
		assertThat(new IdNumber("11010519491231002X").toString()).isEqualTo("110105********002X");
	}
}
