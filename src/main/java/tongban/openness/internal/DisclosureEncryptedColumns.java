package tongban.openness.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** 依申请公开's encrypted columns, for key rotation: a request's postal address or e-mail for delivery. */
@Configuration(proxyBeanMethods = false)
class DisclosureEncryptedColumns {

	@Bean
	EncryptedColumns disclosureRequestColumns() {
		return EncryptedColumns.of("openness_disclosure_request", "id", "delivery");
	}
}
