package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.identity.internal.ClientRegistrations;
import tongban.licence.LicenceManagement.LicenceView;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * Licence verification for department systems over HTTP: a valid, a revoked and an expired licence answer their status
 * as the public page computes it, with the holder's name masked; a malformed identifier is a 400, an unknown one a 404,
 * a bulk check answers each identifier in order and refuses more than 100; a token without the scope, or of a system
 * bound to no department, is a 403; and every call that found a licence is on its holder's wallet page.
 */
@RecordApplicationEvents
class LicenceVerificationApiIT extends IntegrationTest {

	@Autowired
	LicenceManagement licences;

	@Autowired
	LicenceVerifications verifications;

	@Autowired
	ClientRegistrations clients;

	@Autowired
	ApplicationEvents events;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	Citizen holder;
	LicenceView valid;
	LicenceView revoked;
	LicenceView expired;
	String token;

	LicenceView issue(Citizen to) {
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "婚姻登记员", "XH-MZ", Set.of("APPROVER"), true);
		return licences.issue(new LicenceManagement.Issue(null, "330106-QR-0006-01", "XH-MZ", "330106", to.id(),
				Map.of("femaleName", to.name(), "femaleId", to.idNumber(), "maleName", "核验配偶", "maleId", TestPeople.idNumber()), to.id()), sealer)
			.orElseThrow();
	}

	@BeforeAll
	void licencesAndASystem() throws Exception {
		holder = newCitizen("欧阳核验", 2);
		valid = issue(holder);
		revoked = issue(holder);
		licences.changeStatus(revoked.identifier(), "XH-MZ", LicenceManagement.Status.REVOKED, "以欺骗手段取得", "测试员");
		expired = issue(holder);
		jdbc.sql("update licence_licence set valid_to = ? where id = ?").params(LocalDate.now(Clocks.ZONE).minusDays(1), expired.id()).update();
		String client = "lv-" + UUID.randomUUID().toString().substring(0, 8);
		token = clientToken(clients, client, "licence.verify");
		verifications.bindClient(client, "XH-SW");
	}

	HttpResponse<String> get(String bearer, String identifier) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url("/api/licences/" + identifier + "/verification")))
			.header("Authorization", "Bearer " + bearer)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> bulk(String bearer, List<String> identifiers) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url("/api/licences/verifications")))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("identifiers", identifiers))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String unknownIdentifier() {
		return LicenceIdentifier.of("11100000000013338W001", "11330106MB0C00001X", Long.toString(System.nanoTime()), "001");
	}

	@Test
	void statusesAsThePublicPageComputesThemWithTheHolderMasked() throws Exception {
		HttpResponse<String> answer = get(token, valid.identifier());
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(answer.body());
		assertThat(body.get("identifier").asString()).isEqualTo(valid.identifier());
		assertThat(body.get("status").asString()).isEqualTo("VALID");
		assertThat(body.get("licenceName").asString()).isEqualTo(valid.name());
		assertThat(body.get("issuingDepartment").asString()).isEqualTo(valid.issuerName());
		assertThat(body.get("holderName").asString()).isEqualTo("欧***").doesNotContain("阳核验");
		assertThat(answer.body()).doesNotContain(holder.idNumber()).doesNotContain("欧阳核验");

		assertThat(json.readTree(get(token, revoked.identifier()).body()).get("status").asString()).isEqualTo("REVOKED");
		assertThat(json.readTree(get(token, expired.identifier()).body()).get("status").asString()).isEqualTo("EXPIRED");

		HttpResponse<String> unknown = get(token, unknownIdentifier());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		HttpResponse<String> malformed = get(token, "1.2.156.3005.2.not-a-licence");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json.readTree(malformed.body()).get("code").asString()).isEqualTo("licence-verification-malformed");
		String wrongCheck = valid.identifier().substring(0, valid.identifier().length() - 1)
				+ (valid.identifier().endsWith("0") ? "1" : "0");
		assertThat(get(token, wrongCheck).statusCode()).isEqualTo(400);
	}

	@Test
	void aBulkCheckAnswersEachInOrderAndRefusesMoreThanAHundred() throws Exception {
		HttpResponse<String> answer = bulk(token, List.of(revoked.identifier(), unknownIdentifier(), "bad", valid.identifier(), expired.identifier()));
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode results = json.readTree(answer.body()).get("results");
		assertThat(results.size()).isEqualTo(5);
		List<String> outcomes = new ArrayList<>();
		results.forEach(r -> outcomes.add(r.get("outcome").asString() + (r.get("licence").isNull() ? "" : ":" + r.get("licence").get("status").asString())));
		assertThat(outcomes).containsExactly("FOUND:REVOKED", "NOT_FOUND", "MALFORMED", "FOUND:VALID", "FOUND:EXPIRED");
		assertThat(results.get(3).get("identifier").asString()).isEqualTo(valid.identifier());

		List<String> tooMany = new ArrayList<>();
		for (int n = 0; n <= LicenceVerifications.MAX_BULK; n++) {
			tooMany.add(valid.identifier());
		}
		HttpResponse<String> refused = bulk(token, tooMany);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("licence-verification-too-many");
		assertThat(bulk(token, tooMany.subList(0, LicenceVerifications.MAX_BULK)).statusCode()).isEqualTo(200);
		assertThat(bulk(token, List.of()).statusCode()).isEqualTo(400);
	}

	@Test
	void aTokenWithoutTheScopeOrASystemOfNoDepartmentIsRefused() throws Exception {
		String other = clientToken(clients, "lv-ex-" + UUID.randomUUID().toString().substring(0, 8), "exchange");
		assertThat(get(other, valid.identifier()).statusCode()).isEqualTo(403);
		assertThat(bulk(other, List.of(valid.identifier())).statusCode()).isEqualTo(403);
		String unbound = clientToken(clients, "lv-nb-" + UUID.randomUUID().toString().substring(0, 8), "licence.verify");
		HttpResponse<String> refused = get(unbound, valid.identifier());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("licence-verification-unbound");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/licences/" + valid.identifier() + "/verification"))).GET().build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentNamesBothOperationsWithTheirScope() throws Exception {
		JsonNode paths = json.readTree(http.send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs"))).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body()).get("paths");
		JsonNode one = paths.get("/api/licences/{identifier}/verification").get("get");
		JsonNode bulk = paths.get("/api/licences/verifications").get("post");
		assertThat(one.get("security").toString()).contains("licence.verify");
		assertThat(bulk.get("security").toString()).contains("licence.verify");
		assertThat(one.get("responses").has("404")).isTrue();
		assertThat(bulk.get("responses").has("400")).isTrue();
	}

	@Test
	void everyCallThatFoundALicenceIsOnItsHoldersPage() throws Exception {
		Citizen someone = newCitizen("查验页持证人", 2);
		LicenceView licence = issue(someone);
		get(token, licence.identifier());
		bulk(token, List.of(unknownIdentifier(), licence.identifier()));
		bulk(token, List.of(licence.identifier(), licence.identifier()));
		assertThat(verifications.verificationsOf(licence.id(), 50)).hasSize(4)
			.allSatisfy(v -> assertThat(v.departmentName()).contains("税务"));
		assertThat(jdbc.sql("select count(*) from licence_verification_call c join licence_verification_check k on k.call_id = c.id "
				+ "where k.identifier = ? and c.department_code = 'XH-SW'").param(licence.identifier()).query(Long.class).single()).isEqualTo(4);

		FormSession browser = new FormSession(url(""));
		browser.signIn(someone.mobile(), PASSWORD);
		HttpResponse<String> page = browser.get("/account/licences/" + licence.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("谁核验了我的证照").contains("licence-verifications");
		assertThat(page.body().split("税务", -1).length - 1).as("the department on each of the four rows").isGreaterThanOrEqualTo(4);
		HttpResponse<String> othersPage = browser.get("/account/licences/" + valid.id());
		assertThat(othersPage.statusCode()).isEqualTo(404);
	}

	@Test
	void aRevocationFromTheConsoleIsPublishedAsOneAndACancellationIsNot() {
		LicenceView toRevoke = issue(holder);
		LicenceView toCancel = issue(holder);
		licences.changeStatus(toRevoke.identifier(), "XH-MZ", LicenceManagement.Status.REVOKED, "以欺骗手段取得", "测试员");
		licences.changeStatus(toCancel.identifier(), "XH-MZ", LicenceManagement.Status.CANCELLED, "本人申请注销", "测试员");
		assertThat(events.stream(LicenceRevoked.class).map(LicenceRevoked::licenceId).toList()).containsExactly(toRevoke.id());
	}
}
