package tongban.exchange.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Exchange's encrypted columns, for key rotation: the data of a shared record. */
@Configuration(proxyBeanMethods = false)
class ExchangeEncryptedColumns {

	/** A record is found by (resource, subject): the pass matches the old ciphertext too, which keeps the update exact. */
	@Bean
	EncryptedColumns exchangeRecordColumns() {
		return EncryptedColumns.of("exchange_record", "subject_index", "data");
	}
}
