package tongban.licence.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Licence's encrypted columns, for key rotation: a licence's holder code and data. */
@Configuration(proxyBeanMethods = false)
class LicenceEncryptedColumns {

	@Bean
	EncryptedColumns licenceLicenceColumns() {
		return EncryptedColumns.of("licence_licence", "id", "holder_code", "data");
	}
}
