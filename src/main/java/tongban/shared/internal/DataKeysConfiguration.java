package tongban.shared.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.DataKeys;
import tongban.shared.EncryptedColumns;
import tongban.shared.TongbanProperties;

@Configuration(proxyBeanMethods = false)
class DataKeysConfiguration {

	/** TONGBAN_DATA_KEYS, or the mounted file TONGBAN_DATA_KEYS_FILE; TONGBAN_DATA_KEY_CURRENT picks the one that encrypts. */
	@Bean
	DataKeys dataKeys(TongbanProperties properties, @Value("${tongban.data-keys:}") String configured,
			@Value("${tongban.data-keys-file:}") String file, @Value("${tongban.data-key-current:}") String current) {
		return DataKeys.load(configured, file, current, properties.dataDir());
	}

	/** The cluster's secrets (ADR 0045) follow a rotation of the data keys like every other encrypted value. */
	@Bean
	EncryptedColumns sharedSecretColumns() {
		return EncryptedColumns.of("shared_secret", "name", "value");
	}
}
