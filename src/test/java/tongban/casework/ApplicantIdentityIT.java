package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tongban.identity.Actor;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * Nobody applies under another person's ID number: the applicant's own name, ID number and phone are filled from the
 * account of the citizen the case is for, a request that sends others is refused at the field, and whatever a draft holds
 * is filed as the account has it, marked so for the approver with the account's level of assurance. One check of ID
 * numbers everywhere: the form-validation API refuses a region code that never was one, as registration does.
 */
class ApplicantIdentityIT extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Test
	void aSelfRegisteredAccountCannotApplyUnderAnotherPersonsIdNumber() {
		Citizen me = newCitizen("自行注册", 1);
		Citizen wang = newCitizen("王某甲", 2);
		Actor a = TestCases.actor(me);
		CaseId id = applying.startDraft(a, ApplyOnlineJourneyIT.ITEM);
		var draft = cases.find(a, id).orElseThrow();
		assertThat(draft.values()).as("filled from the account").containsEntry("name", me.name()).containsEntry("idNumber", me.idNumber())
			.containsEntry("phone", me.mobile());

		// a crafted request with 王某甲's identity is refused at each field, and the account's values stay
		var problems = applying.saveDraft(a, id, draft.lockVersion(), Map.of("name", wang.name(), "idNumber", wang.idNumber(), "phone", wang.mobile(),
				"region", "330106", "bank", "中国银行", "delivery", "窗口领取"), Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)),
				Map.of());
		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
				tuple("name", "case.error.fromAccount"), tuple("idNumber", "case.error.fromAccount"), tuple("phone", "case.error.fromAccount"));
		assertThat(cases.find(a, id).orElseThrow().values()).containsEntry("idNumber", me.idNumber()).containsEntry("name", me.name());

		// changed behind the form's back, or saved before the form marked these fields: filed as the account has it
		String stored = jdbc.sql("select form_values from casework_case where id = ?").param(id.value()).query(String.class).single();
		jdbc.sql("update casework_case set form_values = ?, provenance = '{}'::jsonb where id = ?")
			.params(keys.encrypt(keys.decrypt(stored).replace(me.idNumber(), wang.idNumber())), id.value())
			.update();
		assertThat(applying.submit(a, id, cases.find(a, id).orElseThrow().submitToken())).isEmpty();
		var filed = cases.forStaff(id).orElseThrow();
		assertThat(filed.values()).containsEntry("idNumber", me.idNumber()).doesNotContainValue(wang.idNumber());
		var source = cases.provenance(id).get("idNumber");
		assertThat(source.fromAccount()).isTrue();
		assertThat(source.assuranceLevel()).as("the approver sees an L1 account").isEqualTo(1);
	}

	@Test
	void theFormValidationApiRefusesAnIdNumberWhoseRegionNeverExisted() {
		var response = RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build()
			.post().uri("/api/items/{code}/form/validation", ApplyOnlineJourneyIT.ITEM).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("values", Map.of("name", "张三", "idNumber", "00000019900101123X", "phone", "13800012345", "region", "330106",
					"bank", "中国银行", "delivery", "窗口领取")))
			.retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody()).contains("\"path\":\"idNumber\"").contains("form.error.id.region");
	}
}
