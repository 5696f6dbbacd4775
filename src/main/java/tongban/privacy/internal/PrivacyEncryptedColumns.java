package tongban.privacy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tongban.shared.EncryptedColumns;

/** The privacy centre's encrypted columns, for key rotation: the corrected values of correction requests. */
@Configuration(proxyBeanMethods = false)
class PrivacyEncryptedColumns {

	@Bean
	EncryptedColumns privacyCorrectionColumns() {
		return EncryptedColumns.of("privacy_correction", "id", "corrected_enc");
	}
}
