package tongban.hotline.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Hotline's encrypted columns, for key rotation: a ticket's caller phone, contact name and address. */
@Configuration(proxyBeanMethods = false)
class HotlineEncryptedColumns {

	@Bean
	EncryptedColumns hotlineTicketColumns() {
		return EncryptedColumns.of("hotline_ticket", "id", "phone", "contact_name", "address");
	}
}
