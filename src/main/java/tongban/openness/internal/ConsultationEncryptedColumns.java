package tongban.openness.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** The consultations' encrypted column, for key rotation: an anonymous commenter's phone. */
@Configuration(proxyBeanMethods = false)
class ConsultationEncryptedColumns {

	@Bean
	EncryptedColumns consultationCommentColumns() {
		return EncryptedColumns.of("openness_consultation_comment", "id", "phone");
	}
}
