package tongban.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Identity's encrypted columns, for key rotation: accounts' ID numbers, mobiles and staff TOTP secrets; the population register's ID numbers. */
@Configuration(proxyBeanMethods = false)
class IdentityEncryptedColumns {

	@Bean
	EncryptedColumns identityAccountColumns() {
		return EncryptedColumns.of("identity_account", "id", "id_number_enc", "mobile_enc", "totp_secret");
	}

	@Bean
	EncryptedColumns identityPopulationRegisterColumns() {
		return EncryptedColumns.of("identity_population_register", "id_index", "id_number_enc");
	}
}
