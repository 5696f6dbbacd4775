package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsccTest {

	@Test
	void acceptsKnownValidCodes() {
		assertThat(Uscc.check("91350100M000100Y43")).isEmpty();
		assertThat(Uscc.check("9144030071526726XG")).isEmpty();
		assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
	}

	@Test
	void namesEachProblem() {
		assertThat(Uscc.check(" ")).contains(Uscc.Problem.EMPTY);
		assertThat(Uscc.check("91350100M000100Y4")).contains(Uscc.Problem.FORMAT);
		assertThat(Uscc.check("91350100M000100I43")).contains(Uscc.Problem.FORMAT);
		assertThat(Uscc.check("91350100M000100Y44")).contains(Uscc.Problem.CHECK_CHARACTER);
	}
}
