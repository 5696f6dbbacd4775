package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

import tongban.casework.CaseManagement;
import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishingGateTest;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * No event is lost: when the listener that starts a case's process fails (here the item's process is not deployed),
 * the publication stays incomplete in the registry; once the cause is fixed, resubmitting it (as a restart does)
 * starts the process for the case.
 */
class EventRedeliveryIT extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CaseManagement cases;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	IncompleteEventPublications incomplete;

	@Test
	void aFailedProcessStartIsDeliveredAgain() throws Exception {
		String code = "330106-GG-R" + System.nanoTime() % 100000 + "-01";
		String key = "custom-redelivery-" + System.nanoTime();
		catalog.importPublished(PublishingGateTest.with("code", code, "department", "XH-MZ", "name", "重投测试事项", "type", "GG",
				"faq", java.util.List.of(), "process", key), null, "测试");
		Citizen me = newCitizen("重投测试", 2);
		var a = TestCases.actor(me);
		UUID id = cases.startDraft(a, code);
		assertThat(cases.saveDraft(a, id, 0, java.util.Map.of("applicantName", me.name(), "contactName", me.name(), "phone", "13800012388",
				"request", "测试重投"), java.util.Map.of(), java.util.Map.of())).isEmpty();
		assertThat(cases.submit(a, id, cases.find(a, id).orElseThrow().submitToken())).isEmpty();

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and serialized_event like ? and listener_id like ?")
			.params("%" + id + "%", "%ApprovalManagement%").query(Long.class).single() == 1);
		Thread.sleep(500);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).as("the start failed").isZero();

		String template = new String(getClass().getResourceAsStream("/processes/case-committed.bpmn20.xml").readAllBytes(), StandardCharsets.UTF_8);
		repository.createDeployment().addString(key + ".bpmn20.xml", template.replace("id=\"case-committed\"", "id=\"" + key + "\"")).deploy();
		incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(id.toString()));

		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count() == 1);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + id + "%").query(Long.class).single() == 0);
	}
}
