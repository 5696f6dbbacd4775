package tongban.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

import tools.jackson.databind.json.JsonMapper;

import tongban.events.PublicMessage;

/**
 * Sends one public message (with a producer of its own, not Boot's {@code KafkaTemplate}, which Flowable's event
 * registry wants as it is) as JSON to its topic under its key, the event id in a header. The future completes when
 * every in-sync replica has the record ({@code acks=all}, idempotent producer): only then does Modulith mark the
 * publication complete and take it out of the outbox; a failed or timed-out send leaves it there.
 */
class KafkaTransport implements EventExternalizationTransport, DisposableBean {

	private final DefaultKafkaProducerFactory<String, String> producers;
	private final KafkaTemplate<String, String> kafka;
	private final JsonMapper json;

	KafkaTransport(DefaultKafkaProducerFactory<String, String> producers, JsonMapper json) {
		this.producers = producers;
		this.kafka = new KafkaTemplate<>(producers);
		this.json = json;
	}

	@Override
	public void destroy() {
		producers.destroy();
	}

	@Override
	public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
		PublicMessage message = (PublicMessage) payload;
		var record = new ProducerRecord<>(target.getTarget(), target.getKey(), json.writeValueAsString(message));
		record.headers().add(PublicMessage.EVENT_ID_HEADER, message.eventId().toString().getBytes(StandardCharsets.UTF_8));
		return kafka.send(record);
	}
}
