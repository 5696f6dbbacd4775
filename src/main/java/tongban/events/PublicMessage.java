package tongban.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A message other systems receive on a Kafka topic: only ids, numbers, codes, states and times (no names, ID numbers,
 * phones, addresses or free text). Its {@link #eventId()} is the same each time the platform publishes the same fact,
 * so a consumer that sees it twice (delivery is at least once) can drop the second; its key is the id of the case,
 * licence, ticket or rating, so the messages about one of them keep their order within a topic.
 */
public sealed interface PublicMessage permits PublicMessages.CaseSubmittedMessage, PublicMessages.CaseAcceptedMessage,
		PublicMessages.CaseConcludedMessage, PublicMessages.LicenceIssuedMessage, PublicMessages.LicenceRevokedMessage,
		PublicMessages.TicketClosedMessage, PublicMessages.RatingGivenMessage {

	/** The header that carries {@link #eventId()} besides the body. */
	String EVENT_ID_HEADER = "tongban-event-id";

	UUID eventId();

	/** The topic, also the name of its schema in docs/events. */
	String topic();

	/** The record key: the id of what the message is about. */
	String key();

	/** One id per fact: the topic, the key and the time the fact happened. */
	static UUID eventId(String topic, UUID subject, Instant occurredAt) {
		return UUID.nameUUIDFromBytes((topic + "/" + subject + "/" + occurredAt).getBytes(StandardCharsets.UTF_8));
	}
}
