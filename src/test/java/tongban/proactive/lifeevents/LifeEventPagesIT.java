package tongban.proactive.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.exchange.RegisterRecord;
import tongban.identity.Role;
import tongban.notification.NotificationPreferences;
import tongban.notification.Topic;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * What the pages answer: the console refuses a rule naming an unknown field beside the field, saves a sound one and
 * is closed to citizens; the preferences page refuses a malformed or empty quiet time at the field and saves choices;
 * someone else's recommendation or a company one does not act for is "not found".
 */
class LifeEventPagesIT extends IntegrationTest {

	@Autowired
	LifeEvents lifeEvents;

	@Autowired
	LifeRules rules;

	@Autowired
	Recommendations recommendations;

	@Autowired
	NotificationPreferences preferences;

	FormSession citizen(Citizen person) {
		FormSession session = new FormSession(url(""));
		session.signIn(person.idNumber(), PASSWORD);
		return session;
	}

	@Test
	void theConsoleRefusesAnUnknownFieldBesideItAndSavesASoundRule() {
		FormSession admin = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "规则管理员"));
		var list = admin.get("/console/life-events");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("LE-BIRTH").contains("LE-RETIREMENT");
		assertThat(admin.get("/console/life-events/LE-BIRTH").body()).contains("motherIdNumber,fatherIdNumber").contains("XH-YJS-NEWBORN");
		assertThat(admin.get("/console/life-events/NO-SUCH-RULE").statusCode()).isEqualTo(404);

		String code = "T-PAGE-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		String[] rule = { "isNew", "true", "code", code, "name", "页面规则", "topic", "AGEING", "subjectKind", "PERSON", "trigger", "NIGHTLY",
				"occasionKind", "RECORD", "resource", "XH-GA-RK", "conditions", "XH-GA-RK | birthday | AGE_AT_LEAST | 80", "personFields", "",
				"windowDays", "90", "targetKind", "ITEM", "targetCode", "330106-GF-0004-01", "licenceItems", "", "reason", "因为您已年满80周岁",
				"enabled", "true" };
		var refused = admin.postFrom("/console/life-events/new", "/console/life-events", rule);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<title>错误").contains("data-testid=\"error-summary\"").contains("href=\"#conditions\"")
			.contains("中没有字段：birthday");
		assertThat(rules.rule(code)).isEmpty();

		rule[17] = "XH-GA-RK | birthDate | AGE_AT_LEAST | 80";
		var saved = admin.postFrom("/console/life-events/new", "/console/life-events", rule);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/console/life-events/" + code);
		assertThat(rules.rule(code)).get().satisfies(r -> {
			assertThat(r.version()).isEqualTo(1);
			assertThat(r.conditions()).hasSize(1);
		});
		rule[1] = "false";
		assertThat(admin.postFrom("/console/life-events/" + code, "/console/life-events", rule).statusCode()).isEqualTo(302);
		assertThat(rules.rule(code).orElseThrow().version()).as("each save a new version").isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'LIFE_RULE' and subject = ?").param("life-rule:" + code).query(Long.class)
			.single()).isEqualTo(2);

		Citizen someone = newCitizen("非管理员", 2);
		assertThat(citizen(someone).get("/console/life-events").statusCode()).isIn(302, 403, 404);
	}

	@Test
	void preferencesAreRefusedAtTheFieldAndSaved() {
		Citizen person = newCitizen("设置消息", 2);
		FormSession session = citizen(person);
		var page = session.get("/account/notifications/preferences");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("不能关闭").contains("为您推荐");

		var bad = session.post("/account/notifications/preferences", "sms", "true", "quiet", "true", "quietFrom", "9点", "quietUntil", "08:00", "topics",
				"BIRTH");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("<title>错误").contains("href=\"#quietFrom\"").contains("请按“时:分”填写时间");
		var same = session.post("/account/notifications/preferences", "quiet", "true", "quietFrom", "08:00", "quietUntil", "8:00");
		assertThat(same.body()).contains("href=\"#quietUntil\"").contains("不能与开始时间相同");
		assertThat(preferences.of(person.id())).isEqualTo(NotificationPreferences.Preferences.DEFAULT);

		var ok = session.post("/account/notifications/preferences", "sms", "true", "quiet", "true", "quietFrom", "21:00", "quietUntil", "8:00",
				"topics", "BIRTH", "topics", "LICENCE_DUE");
		assertThat(ok.statusCode()).isEqualTo(302);
		var saved = preferences.of(person.id());
		assertThat(saved.sms()).isTrue();
		assertThat(saved.email()).isFalse();
		assertThat(saved.quietUntil()).hasToString("08:00");
		assertThat(saved.optedOut()).contains(Topic.AGEING, Topic.RETIREMENT).doesNotContain(Topic.BIRTH, Topic.LICENCE_DUE);
	}

	@Test
	void anotherPersonsRecommendationOrACompanyNotMineIsNotFound() {
		Citizen owner = newCitizen("推荐本人", 2);
		Citizen other = newCitizen("推荐他人", 2);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		lifeEvents.consider(rules.rule("LE-AGE-80").orElseThrow(), new RegisterRecord(keys.blindIndex(owner.idNumber()),
				Map.of("birthDate", today.minusYears(80).toString())), today);
		UUID id = recommendations.open(owner.id()).getFirst().id();

		FormSession intruder = citizen(other);
		intruder.get("/account/recommendations");
		assertThat(intruder.post("/account/recommendations/" + id + "/dismiss").statusCode()).isEqualTo(404);
		assertThat(intruder.get("/business/" + UUID.randomUUID() + "/recommendations").statusCode()).isEqualTo(404);
		assertThat(recommendations.open(owner.id())).extracting(Recommendations.Card::id).contains(id);

		FormSession mine = citizen(owner);
		var page = mine.get("/account/recommendations");
		assertThat(page.body()).contains("高龄津贴申领").contains("因为您已年满80周岁");
		assertThat(mine.post("/account/recommendations/" + id + "/dismiss").statusCode()).isEqualTo(302);
		assertThat(mine.get("/account/recommendations").body()).contains("data-testid=\"no-recommendations\"");
	}
}
