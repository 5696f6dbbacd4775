package tongban.hall.assist.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** 上门服务's encrypted columns, for key rotation: the person's ID number, phone and address. */
@Configuration(proxyBeanMethods = false)
class AssistEncryptedColumns {

	@Bean
	EncryptedColumns homeVisitColumns() {
		return EncryptedColumns.of("hall_home_visit", "id", "id_number_enc", "phone_enc", "address_enc");
	}
}
