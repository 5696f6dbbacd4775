package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The names a module registers are written into the re-encryption pass's SQL: only plain identifiers pass. */
class EncryptedColumnsTest {

	@Test
	void plainNamesAreTakenAsGiven() {
		assertThat(EncryptedColumns.of("hotline_ticket", "id", "phone", "address").columns()).containsExactly("phone", "address");
	}

	@Test
	void anythingButAPlainIdentifierOrNoColumnIsRefused() {
		assertThatThrownBy(() -> EncryptedColumns.of("hotline_ticket; drop table x", "id", "phone")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> EncryptedColumns.of("hotline_ticket", "\"id\"", "phone")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> EncryptedColumns.of("hotline_ticket", "id", "Phone")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> EncryptedColumns.of("hotline_ticket", "id")).isInstanceOf(IllegalArgumentException.class);
	}
}
