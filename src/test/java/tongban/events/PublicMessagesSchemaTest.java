package tongban.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.events.PublicMessages.CaseAcceptedMessage;
import tongban.events.PublicMessages.CaseConcludedMessage;
import tongban.events.PublicMessages.CaseSubmittedMessage;
import tongban.events.PublicMessages.LicenceIssuedMessage;
import tongban.events.PublicMessages.LicenceRevokedMessage;
import tongban.events.PublicMessages.RatingGivenMessage;
import tongban.events.PublicMessages.TicketClosedMessage;

/** Every public message, serialised, against its topic's schema in docs/events; a record and its schema never part. */
class PublicMessagesSchemaTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant AT = Instant.parse("2026-12-07T01:02:03.456Z");

	static List<PublicMessage> samples() {
		UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
		return List.of(new CaseSubmittedMessage(id, id, "330106202612070001", "330106-ZJ-001", 3, "330106-SCJGJ", AT, LocalDate.of(2026, 12, 21)),
				new CaseAcceptedMessage(id, id, "330106202612070001", "SL-2026-001", "330106-ZJ-001", "330106-SCJGJ", AT, AT),
				new CaseConcludedMessage(id, id, "330106202612070001", "330106-ZJ-001", "330106-SCJGJ", AT, AT, "APPROVED"),
				new LicenceIssuedMessage(id, id, "JY13301060000001", "food-business", "330106-SCJGJ", id, AT),
				new LicenceRevokedMessage(id, id, "JY13301060000001", "food-business", "330106-SCJGJ", null, "REVOKED", AT),
				new TicketClosedMessage(id, id, "12345-20261207-0001", "COMPLAINT", null, AT),
				new RatingGivenMessage(id, id, null, "330106-SCJGJ", "COUNTER", 5, 1, false, AT));
	}

	@Test
	void everyMessageIsValidAgainstItsTopicsSchema() {
		assertThat(samples()).extracting(PublicMessage::topic).containsExactlyInAnyOrderElementsOf(PublicMessages.TOPICS);
		for (PublicMessage message : samples()) {
			assertThat(EventSchemas.problems(message.topic(), JSON.valueToTree(message))).as(message.topic()).isEmpty();
		}
	}

	@Test
	void aRecordHasExactlyTheFieldsOfItsSchema() {
		for (PublicMessage message : samples()) {
			Set<String> fields = Arrays.stream(message.getClass().getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
			assertThat(fields).as(message.topic()).isEqualTo(EventSchemas.properties(message.topic()));
			assertThat(EventSchemas.schema(message.topic()).get("title").asString()).isEqualTo(message.topic());
		}
		assertThat(PublicMessage.class.getPermittedSubclasses()).hasSize(PublicMessages.TOPICS.size());
		assertThat(PublicMessages.TOPICS).allMatch(topic -> Files.exists(Path.of("docs", "events", topic + ".schema.json")));
	}

	@Test
	void theCheckerFindsWhatIsWrong() {
		PublicMessage message = samples().get(0);
		ObjectNode extra = JSON.valueToTree(message);
		extra.put("applicantName", "张三");
		assertThat(EventSchemas.problems(message.topic(), extra)).containsExactly("not in the schema: applicantName");

		ObjectNode missing = JSON.valueToTree(message);
		missing.remove("caseNumber");
		assertThat(EventSchemas.problems(message.topic(), missing)).containsExactly("missing caseNumber");

		ObjectNode wrong = JSON.valueToTree(message);
		wrong.put("caseId", "not-a-uuid");
		wrong.put("itemVersion", "3");
		wrong.putNull("submittedAt");
		assertThat(EventSchemas.problems(message.topic(), wrong)).containsExactlyInAnyOrder("caseId is not a uuid: \"not-a-uuid\"",
				"itemVersion is not [integer]: \"3\"", "submittedAt is null");

		ObjectNode rating = JSON.valueToTree(samples().get(6));
		rating.put("level", 6);
		rating.put("channel", "PHONE");
		assertThat(EventSchemas.problems(PublicMessages.RATING_GIVEN, rating)).containsExactlyInAnyOrder("level is above 5",
				"channel is not one of [\"ONLINE\",\"COUNTER\"]: \"PHONE\"");
	}

	@Test
	void oneFactHasOneEventIdWhoeverPublishesIt() {
		UUID caseId = UUID.randomUUID();
		assertThat(PublicMessage.eventId(PublicMessages.CASE_ACCEPTED, caseId, AT)).isEqualTo(PublicMessage.eventId(PublicMessages.CASE_ACCEPTED, caseId, AT))
			.isNotEqualTo(PublicMessage.eventId(PublicMessages.CASE_CONCLUDED, caseId, AT))
			.isNotEqualTo(PublicMessage.eventId(PublicMessages.CASE_ACCEPTED, caseId, AT.plusMillis(1)));
	}
}
