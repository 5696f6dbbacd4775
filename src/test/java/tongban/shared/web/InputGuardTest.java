package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputGuardTest {

	@Test
	void controlCharactersAreRefusedButTabAndLineBreaksAreText() {
		assertThat(InputGuard.clean("路灯不亮\n已经三天\t了\r\n")).isTrue();
		assertThat(InputGuard.clean("😀 𠀀 ‮")).isTrue();
		assertThat(InputGuard.clean(null)).isTrue();
		assertThat(InputGuard.clean("a\u0000b")).isFalse();
		assertThat(InputGuard.clean("\u001b[31m")).isFalse();
		assertThat(InputGuard.clean("\u007f")).isFalse();
		assertThat(InputGuard.clean("\u0085")).isFalse();
	}

	@Test
	void aRefusedNameIsShownWithItsControlCharactersWritten() {
		assertThat(InputGuard.printable("na\u0000me\n")).isEqualTo("na\\u0000me\\u000a");
	}
}
