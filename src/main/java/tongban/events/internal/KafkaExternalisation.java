package tongban.events.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * Module events to Kafka, when brokers are named (docs/decisions/0047-events-to-kafka.md). Spring Modulith's
 * externaliser is an {@code @ApplicationModuleListener}: each selected event gets a row in the publication registry in
 * the transaction that publishes it, is sent after the commit on another thread (never a request's), and its row is
 * completed only when the broker acknowledged. Sends are bounded ({@code max.block.ms}, {@code delivery.timeout.ms}),
 * so a dead broker holds no thread for long; what it did not take waits in the outbox for {@link OutboxResubmission}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaEnabled.class)
class KafkaExternalisation {

	/** The client settings the producer and the probe share. */
	record KafkaConnection(Map<String, Object> config) {
	}

	/**
	 * Modulith's listener factory needs this before bean post-processing exists, so the mapping (and the modules' APIs it
	 * reads) is looked up when the first event is mapped, not now.
	 */
	@Bean
	EventExternalizationConfiguration eventExternalizationConfiguration(ObjectProvider<MessageMapping> mapping) {
		return EventExternalizationConfiguration.externalizing()
			.select(MessageMapping::supports)
			.mapping(event -> mapping.getObject().map(event))
			.routeAll(MessageMapping::target)
			.build();
	}

	/** Where the brokers are and how to reach them: spring.kafka.properties.* (security, SSL) pass through. */
	@Bean
	KafkaConnection kafkaConnection(KafkaProperties kafka, EventsProperties properties) {
		Map<String, Object> connection = new HashMap<>(kafka.getProperties());
		connection.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
		return new KafkaConnection(Map.copyOf(connection));
	}

	/**
	 * The producer and its template are this module's own, not beans: Boot's {@code KafkaTemplate} (which Flowable's
	 * event registry wants) stays as it is.
	 */
	@Bean
	KafkaTransport kafkaTransport(KafkaConnection kafkaConnection, KafkaProperties kafka, EventsProperties properties, JsonMapper json) {
		Map<String, Object> config = new HashMap<>(kafkaConnection.config());
		config.putAll(kafka.getProducer().getProperties());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "tongban-events");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		// acknowledged only when every in-sync replica has it; retries never write a record twice or out of order
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// a dead broker holds the sending thread at most this long, and a send fails after this long at most
		int deliveryMs = (int) properties.deliveryTimeout().toMillis();
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.maxBlock().toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, deliveryMs));
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaTransport(new DefaultKafkaProducerFactory<>(config), json);
	}

	@Bean
	EventExternalizerModuleListener kafkaEventExternalizer(EventExternalizationConfiguration configuration, KafkaTransport kafkaTransport) {
		return new EventExternalizerModuleListener(configuration, kafkaTransport);
	}

	@Bean
	Outbox outbox(JdbcClient jdbc) {
		return new Outbox(jdbc);
	}

	@Bean
	BrokerProbe brokerProbe(KafkaConnection kafkaConnection) {
		return new BrokerProbe(kafkaConnection.config());
	}

	@Bean
	OutboxHealth kafkaHealthIndicator(Outbox outbox, BrokerProbe brokerProbe, EventsProperties properties, Clock clock) {
		return new OutboxHealth(outbox, brokerProbe, properties, clock);
	}

	@Bean
	OutboxResubmission outboxResubmission(IncompleteEventPublications publications, BrokerProbe brokerProbe, EventsProperties properties,
			Clock clock) {
		return new OutboxResubmission(publications, brokerProbe, properties, clock);
	}
}
