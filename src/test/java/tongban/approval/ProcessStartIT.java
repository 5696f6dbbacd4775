package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.Cases;
import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishingGateTest;
import tongban.shared.DomainException;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * A case and its process commit together: when the item's process cannot start (here it is not deployed), the
 * submission is refused with a reason and the draft is left exactly as it was (no number, no history, no event);
 * once the process is deployed, the same submission goes through and its first task carries the due date for
 * deciding on acceptance.
 */
class ProcessStartIT extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	WorkingCalendars calendars;

	@Test
	void aProcessThatCannotStartLeavesTheDraftUntouched() throws Exception {
		String code = "330106-GG-R" + System.nanoTime() % 100000 + "-01";
		String key = "custom-start-" + System.nanoTime();
		catalog.importPublished(PublishingGateTest.with("code", code, "department", "XH-MZ", "name", "流程启动测试事项", "type", "GG",
				"faq", List.of(), "process", key), null, "测试");
		Citizen me = newCitizen("启动测试", 2);
		var a = TestCases.actor(me);
		CaseId id = applying.startDraft(a, code);
		assertThat(applying.saveDraft(a, id, 0, Map.of("applicantName", me.name(), "contactName", me.name(), "phone", "13800012388",
				"request", "测试流程启动"), Map.of(), Map.of())).isEmpty();
		UUID token = cases.find(a, id).orElseThrow().submitToken();

		assertThatThrownBy(() -> applying.submit(a, id, token)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code()).isEqualTo("process-unavailable");
		var draft = cases.find(a, id).orElseThrow();
		assertThat(draft.status()).isEqualTo(CaseStatus.DRAFT);
		assertThat(draft.caseNumber()).isNull();
		assertThat(draft.events()).noneMatch(e -> e.action().equals("SUBMITTED"));
		assertThat(draft.values()).containsEntry("request", "测试流程启动");
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + id + "%")
			.query(Long.class).single()).isZero();

		String template = new String(getClass().getResourceAsStream("/processes/case-committed.bpmn20.xml").readAllBytes(), StandardCharsets.UTF_8);
		repository.createDeployment().addString(key + ".bpmn20.xml", template.replace("id=\"case-committed\"", "id=\"" + key + "\"")).deploy();
		assertThat(applying.submit(a, id, token)).isEmpty();

		var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).singleResult();
		assertThat(instance).as("started with the submission, in its transaction").isNotNull();
		var first = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(first.getDueDate()).as("the case's promised date, as the applicant was told")
			.isEqualTo(TaskDue.date(cases.find(a, id).orElseThrow().promisedDate()));
		// the applicant's notice still goes through the event registry, after the commit
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from notification_message where body like ?").param("%" + cases.find(a, id).orElseThrow().caseNumber() + "%")
			.query(Long.class).single() > 0);
	}
}
