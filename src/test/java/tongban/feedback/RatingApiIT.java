package tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;


import tongban.approval.ApprovalManagement;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.casework.CaseId;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * Rating a case through the API (a citizen's access token), every refusal as problem+json and nothing half-saved:
 * another person's case 404 (its existence not revealed), a case not yet concluded 409, no level, a score out of range,
 * an unknown tag, a comment over 500 characters 422 with the field, a second rating 409. The statistics API is public and
 * refuses malformed filters with 400. A case left unrated gets the default rating after the configured days, which
 * counts as good but not active, and in the unrated rate.
 */
class RatingApiIT extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	CaseRatings caseRatings;

	@Autowired
	Ratings ratings;

	private RestClient as(Object subject) {
		String token = accessToken(subject, "cases.write");
		return RestClient.builder().baseUrl(url("")).defaultHeader("Authorization", "Bearer " + token)
			.defaultStatusHandler(s -> true, (req, res) -> { }).build();
	}

	@SuppressWarnings("rawtypes")
	private static ResponseEntity<Map> post(RestClient api, UUID id, Map<String, Object> body) {
		return api.post().uri("/api/cases/{id}/rating", id).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
	}

	private long ratings(UUID caseId) {
		return jdbc.sql("select count(*) from feedback_rating where case_id = ?").param(caseId).query(Long.class).single();
	}

	@Test
	@SuppressWarnings("unchecked")
	void refusalsThroughTheApi() {
		Citizen me = newCitizen("接口评价人", 2);
		Citizen other = newCitizen("别人", 2);
		RestClient api = as(me.id());
		CaseId pending = TestCases.submittedSocialSecurityCard(applying, me);
		var notConcluded = post(api, pending.value(), Map.of("level", "SATISFIED"));
		assertThat(notConcluded.getStatusCode().value()).isEqualTo(409);
		assertThat(notConcluded.getBody().get("code")).isEqualTo("rating-not-concluded");
		assertThat(notConcluded.getBody().get("title")).isEqualTo("办件尚未办结，办结后才能评价");

		UUID id = Concluded.socialSecurityCard(applying, cases, approval, me);
		var notMine = post(as(other.id()), id, Map.of("level", "SATISFIED"));
		assertThat(notMine.getStatusCode().value()).isEqualTo(404);
		assertThat(post(api, UUID.randomUUID(), Map.of("level", "SATISFIED")).getStatusCode().value()).isEqualTo(404);
		assertThat(RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build().post()
			.uri("/api/cases/{id}/rating", id).contentType(MediaType.APPLICATION_JSON).body(Map.of("level", "SATISFIED")).retrieve()
			.toEntity(String.class).getStatusCode().value()).as("no token").isEqualTo(401);

		Map<String, Map<String, Object>> wrong = Map.of("level", Map.of("comment", "没有选择等级"), "score-efficiency",
				Map.of("level", "SATISFIED", "scores", Map.of("efficiency", 0)), "tags", Map.of("level", "SATISFIED", "tags", List.of("BRIBERY")),
				"comment", Map.of("level", "SATISFIED", "comment", "长".repeat(501)));
		wrong.forEach((field, body) -> {
			var r = post(api, id, body);
			assertThat(r.getStatusCode().value()).as(field).isEqualTo(422);
			assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat((List<Map<String, String>>) r.getBody().get("errors")).as(field).anySatisfy(e -> {
				assertThat(e.get("field")).isEqualTo(field);
				assertThat(e.get("message")).isNotBlank();
			});
		});
		var badWithoutReason = post(api, id, Map.of("level", "DISSATISFIED"));
		assertThat(badWithoutReason.getStatusCode().value()).isEqualTo(422);
		assertThat(ratings(id)).isZero();
		assertThat(jdbc.sql("select count(*) from feedback_rectification t join feedback_rating r on r.id = t.rating_id where r.case_id = ?").param(id)
			.query(Long.class).single()).isZero();

		var rated = post(api, id, Map.of("level", "VERY_SATISFIED", "scores", Map.of("overall", 5, "guide", "4"), "tags", List.of("FAST")));
		assertThat(rated.getStatusCode().value()).isEqualTo(201);
		assertThat(rated.getBody().get("round")).isEqualTo(1);
		var again = post(api, id, Map.of("level", "VERY_DISSATISFIED", "comment", "改主意了"));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody().get("code")).isEqualTo("rating-exists");
		assertThat(ratings(id)).isEqualTo(1);
		// the comment is kept encrypted, never in plaintext
		assertThat(jdbc.sql("select count(*) from feedback_rating where comment like '%改主意%'").query(Long.class).single()).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void statisticsArePublicAndCountDefaultRatings() {
		RestClient anonymous = RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
		assertThat(anonymous.get().uri("/api/ratings/stats?month=2026-13").retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(400);
		assertThat(anonymous.get().uri("/api/ratings/stats?region=33A").retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(400);
		var ok = anonymous.get().uri("/api/ratings/stats?region=330100").retrieve().toEntity(Map.class);
		assertThat(ok.getStatusCode().value()).isEqualTo(200);
		assertThat((List<Object>) ok.getBody().get("byMonth")).hasSize(12);

		Citizen quiet = newCitizen("不评价的人", 2);
		UUID id = Concluded.socialSecurityCard(applying, cases, approval, quiet);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from feedback_invitation where case_id = ?").param(id).query(Long.class).single() == 1);
		Instant later = Instant.now().plus(Duration.ofDays(16));
		String month = YearMonth.from(later.atZone(Clocks.ZONE)).toString();
		Map<String, Object> before = (Map<String, Object>) anonymous.get().uri("/api/ratings/stats?month=" + month + "&department=" + Concluded.DEPARTMENT).retrieve()
			.body(Map.class).get("total");
		// nothing is due yet; 16 days on, the unrated case gets the default rating
		assertThat(caseRatings.applyDefaults(Instant.now(), 1000)).isZero();
		while (caseRatings.applyDefaults(later, 1000) > 0) {
			// other unrated cases of the run get theirs too
		}
		var r = ratings.ofCase(id);
		assertThat(r).singleElement().satisfies(x -> {
			assertThat(x.active()).isFalse();
			assertThat(x.level()).isEqualTo(Level.SATISFIED);
		});
		Map<String, Object> after = (Map<String, Object>) anonymous.get().uri("/api/ratings/stats?month=" + month + "&department=" + Concluded.DEPARTMENT).retrieve()
			.body(Map.class).get("total");
		assertThat(((Number) after.get("defaulted")).longValue()).isGreaterThanOrEqualTo(((Number) before.get("defaulted")).longValue() + 1);
		assertThat(((Number) after.get("activeGood")).longValue()).isEqualTo(((Number) before.get("activeGood")).longValue());
		// the unrated rate is the month's default ratings over its counted ratings, counted here from the ratings themselves
		long counted = jdbc.sql("select count(*) from feedback_rating where month = ? and department_code = ? and not excluded and replaced_by is null")
			.params(YearMonth.parse(month).atDay(1), Concluded.DEPARTMENT).query(Long.class).single();
		long defaulted = jdbc.sql("""
				select count(*) from feedback_rating
				where month = ? and department_code = ? and not excluded and replaced_by is null and not active""")
			.params(YearMonth.parse(month).atDay(1), Concluded.DEPARTMENT).query(Long.class).single();
		assertThat(defaulted).isPositive();
		assertThat(((Number) after.get("ratings")).longValue()).isEqualTo(counted);
		assertThat(((Number) after.get("defaulted")).longValue()).isEqualTo(defaulted);
		assertThat(((Number) after.get("unratedRate")).doubleValue()).isCloseTo(defaulted / (double) counted, within(0.00005));
		// and the person can no longer rate it
		assertThat(catchThrowableOfType(DomainException.class,
				() -> caseRatings.rateCase(TestCases.actor(quiet), id, new RatingInput("VERY_SATISFIED", null, null, null))).code()).isEqualTo("rating-exists");
	}
}
