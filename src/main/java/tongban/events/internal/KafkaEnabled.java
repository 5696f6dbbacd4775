package tongban.events.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Events go to Kafka only where brokers are named ({@code tongban.kafka.bootstrap-servers}); otherwise nothing changes. */
class KafkaEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("tongban.kafka.bootstrap-servers"));
	}
}
