package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People.Staff;

/**
 * 在线访谈 (the optional part): an editor schedules it (not in the past), signed-in people send questions until it
 * starts (the anonymous are sent to sign in), the transcript is refused before the start and published after it, and
 * the public page then shows the transcript with the questions; another department's staff do not find it.
 */
class ConsultationInterviewIT extends IntegrationTest {

	@Test
	void questionsBeforeTheStartAndTheTranscriptAfterIt() throws Exception {
		Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "访谈编辑");
		FormSession desk = FormSession.staff(url(""), editor);
		String base = "/workbench/consultations/interviews";
		LocalDateTime now = LocalDateTime.now(Clocks.ZONE).truncatedTo(ChronoUnit.MINUTES);
		HttpResponse<String> past = desk.postFrom(base + "/new", base + "/new", "title", "食品安全与放心消费在线访谈", "guest", "区市场监管局局长",
				"summary", "围绕小餐饮食品安全和消费维权回答网友提问。", "startsAt", now.minusHours(1).toString());
		assertThat(past.statusCode()).isEqualTo(200);
		assertThat(past.body()).contains("访谈时间不能早于现在");
		HttpResponse<String> saved = desk.postFrom(base + "/new", base + "/new", "title", "食品安全与放心消费在线访谈", "guest", "区市场监管局局长",
				"summary", "围绕小餐饮食品安全和消费维权回答网友提问。", "startsAt", now.plusDays(2).toString());
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String id = page.substring(page.lastIndexOf('/') + 1);
		String publicPage = "/consultations/interviews/" + id;

		FormSession anonymous = new FormSession(url(""));
		assertThat(anonymous.get(publicPage).body()).contains("登录后可以向嘉宾提问");
		Citizen citizen = newCitizen("提问市民", 2);
		FormSession person = new FormSession(url(""));
		person.signIn(citizen.idNumber(), PASSWORD);
		assertThat(person.postFrom(publicPage, publicPage + "/questions", "body", "短").body()).contains("请填写 5 至 500 字");
		assertThat(person.postFrom(publicPage, publicPage + "/questions", "body", "外卖平台上的小餐馆怎么查有没有许可证？").statusCode()).isEqualTo(302);
		assertThat(anonymous.get(publicPage).body()).contains("已收到网友提问 1 条").doesNotContain("外卖平台上的小餐馆");

		// before the start there is no transcript
		desk.postFrom(page, page + "/transcript", "transcript", "主持人：各位网友好。\n\n嘉宾：外卖平台上的商家须公示食品经营许可证。");
		assertThat(desk.get(page).body()).contains("访谈开始后才能发布实录");
		assertThat(FormSession.staff(url(""), newStaff("XH-JY", Role.INFO_EDITOR, "外单位")).get(page).statusCode()).isEqualTo(404);

		// the interview starts (no test clock: its time moves instead of now)
		jdbc.sql("update openness_consultation_interview set starts_at = now() - interval '2 hours' where id = ?::uuid").param(id).update();
		assertThat(person.postFrom(publicPage, publicPage + "/questions", "body", "开始以后再问一个问题可以吗？").body()).contains("访谈已经开始");
		desk.postFrom(page, page + "/transcript", "transcript", "主持人：各位网友好。\n\n嘉宾：外卖平台上的商家须公示食品经营许可证。");
		String shown = anonymous.get(publicPage).body();
		assertThat(shown).contains("访谈实录").contains("外卖平台上的商家须公示食品经营许可证").contains("外卖平台上的小餐馆怎么查有没有许可证");
		assertThat(anonymous.get("/consultations").body()).contains("食品安全与放心消费在线访谈");
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ?").param("interview:" + id).query(Long.class).single()).isEqualTo(2L);
	}
}
