package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

import tongban.shared.DataKeys;

/** Session attributes as the repository stores them: encrypted, read back, and absent when they do not decrypt. */
class SessionConfigurationTest {

	private static final DataKeys KEYS = DataKeys.of("v1:" + Base64.getEncoder().encodeToString(new byte[32]));

	private static final DataKeys OTHER = DataKeys.of("v1:" + Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes()));

	private final ConversionService conversion = SessionConfiguration.encrypting(KEYS, getClass().getClassLoader());

	private byte[] stored(Object value) {
		return (byte[]) conversion.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
	}

	private Object read(ConversionService reader, byte[] bytes) {
		return reader.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
	}

	@Test
	void attributesAreStoredEncryptedAndReadBack() {
		List<String> pending = List.of("钱塘", "11010519491231002X", "13800012345");
		byte[] bytes = stored(pending);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("v1$").doesNotContain("11010519491231002X").doesNotContain("13800012345");
		assertThat(read(conversion, bytes)).isEqualTo(pending);
	}

	@Test
	void anAttributeThatDoesNotDecryptReadsAsAbsent() {
		byte[] bytes = stored("MFA_PENDING");
		assertThat(read(SessionConfiguration.encrypting(OTHER, getClass().getClassLoader()), bytes)).isNull();
		assertThat(read(conversion, "plain bytes from before".getBytes(StandardCharsets.UTF_8))).isNull();
	}
}
