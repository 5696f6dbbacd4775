package tongban.casework.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Casework's encrypted columns, for key rotation: a case's form values (they carry ID numbers, phones and addresses). */
@Configuration(proxyBeanMethods = false)
class CaseworkEncryptedColumns {

	@Bean
	EncryptedColumns caseworkCaseColumns() {
		return EncryptedColumns.of("casework_case", "id", "form_values");
	}
}
