package tongban.notification.internal.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lengths counted from 3GPP TS 23.040: 140 octets a message, 70 UCS-2 characters whole, 67 after a 6-octet header. */
class SmsPartsTest {

	@Test
	void seventyCharactersGoAsOneMessageWithoutHeader() {
		String text = "办".repeat(70);
		List<SmsParts.Part> parts = SmsParts.split(text, 7);
		assertThat(parts).singleElement().satisfies(part -> {
			assertThat(part.udhi()).isFalse();
			assertThat(part.payload()).hasSize(140);
			assertThat(new String(part.payload(), StandardCharsets.UTF_16BE)).isEqualTo(text);
		});
	}

	@Test
	void seventyOneCharactersGoAsTwoPartsOfSixtySevenAndFour() {
		String text = "通".repeat(71);
		List<SmsParts.Part> parts = SmsParts.split(text, 200);
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0).payload()).hasSize(6 + 67 * 2).startsWith(0x05, 0x00, 0x03, 200, 2, 1);
		assertThat(parts.get(1).payload()).hasSize(6 + 4 * 2).startsWith(0x05, 0x00, 0x03, 200, 2, 2);
		assertThat(parts).allSatisfy(part -> assertThat(part.udhi()).isTrue());
	}

	@Test
	void partsCarryTheirHeaderAndJoinToTheText() {
		String text = "【通办】您的居民身份证换领申请已受理，办件编号 330106-2026-000123。" + "请于十个工作日内携带回执到西湖区政务服务中心领取。".repeat(6);
		List<SmsParts.Part> parts = SmsParts.split(text, 42);
		assertThat(parts).hasSize((text.length() + 66) / 67);
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			SmsParts.Header header = SmsParts.header(parts.get(i).payload());
			assertThat(header).isEqualTo(new SmsParts.Header(42, parts.size(), i + 1));
			joined.append(SmsParts.text(parts.get(i).payload(), true, (byte) 0x08));
		}
		assertThat(joined.toString()).isEqualTo(text);
	}

	@Test
	void aPartNeverEndsInsideASurrogatePair() {
		String text = "办".repeat(66) + "😀" + "办".repeat(10);
		List<SmsParts.Part> parts = SmsParts.split(text, 1);
		String first = SmsParts.text(parts.get(0).payload(), true, (byte) 0x08);
		assertThat(first).hasSize(66).doesNotContain("😀");
		assertThat(first + SmsParts.text(parts.get(1).payload(), true, (byte) 0x08)).isEqualTo(text);
	}

	@Test
	void aPayloadWithoutConcatenationHeaderHasNone() {
		assertThat(SmsParts.header(new byte[] { 0x02, 0x70, 0x00, 0x00 })).isNull();
		assertThat(SmsParts.header(new byte[0])).isNull();
	}
}
