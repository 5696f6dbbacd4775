package tongban.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

import tools.jackson.databind.json.JsonMapper;

import tongban.events.PublicMessage;

/**
 * Sends one public message as JSON to its topic under its key, the event id in a header. The future completes when
 * every in-sync replica has the record ({@code acks=all}, idempotent producer): only then does Modulith mark the
 * publication complete and take it out of the outbox; a failed or timed-out send leaves it there.
 */
class KafkaTransport implements EventExternalizationTransport {

	private final KafkaTemplate<String, String> kafka;
	private final JsonMapper json;

	KafkaTransport(KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	@Override
	public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
		PublicMessage message = (PublicMessage) payload;
		var record = new ProducerRecord<>(target.getTarget(), target.getKey(), json.writeValueAsString(message));
		record.headers().add(PublicMessage.EVENT_ID_HEADER, message.eventId().toString().getBytes(StandardCharsets.UTF_8));
		return kafka.send(record);
	}
}
