package tongban.feedback.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.shared.EncryptedColumns;

/** Feedback's encrypted columns, for key rotation: a rating's comment and a rectification's revisit note. */
@Configuration(proxyBeanMethods = false)
class FeedbackEncryptedColumns {

	@Bean
	EncryptedColumns feedbackRatingColumns() {
		return EncryptedColumns.of("feedback_rating", "id", "comment");
	}

	@Bean
	EncryptedColumns feedbackRectificationColumns() {
		return EncryptedColumns.of("feedback_rectification", "id", "revisit_note");
	}
}
