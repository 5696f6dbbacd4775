package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.FormSession.FilePart;
import tongban.support.IntegrationTest;
import tongban.support.People.Staff;
import tongban.support.SamplePdfs;

/**
 * The consultation pages over HTTP as a browser posts them: the draft's attachment checked by its content (a text file
 * and a PDF with JavaScript refused at the field, a plain PDF kept and downloadable once published), the review, another
 * department's staff not finding it, a signed-in citizen seeing their comment pending and then held with the reason,
 * and every staff step in the audit trail.
 */
class ConsultationPagesIT extends IntegrationTest {

	static final String BASE = "/workbench/consultations";

	List<Map.Entry<String, String>> fields(String title) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return List.of(Map.entry("title", title), Map.entry("docKind", "POLICY"),
				Map.entry("background", "为规范公共场所控烟工作，起草本通知。"), Map.entry("draft", "一、各单位应当在室内公共场所设置禁烟标识。\n\n二、本通知自发布之日起施行。"),
				Map.entry("startsOn", today.toString()), Map.entry("endsOn", today.plusDays(30).toString()), Map.entry("themes", "禁烟标识"),
				Map.entry("questions", "禁烟标识的设置要求是否明确？"));
	}

	@Test
	void theAttachmentIsCheckedByContentAndTheConsultationIsOnlyTheDepartments() throws Exception {
		Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "页编辑");
		Staff reviewer = newStaff("XH-SCJG", Role.INFO_REVIEWER, "页审核");
		FormSession desk = FormSession.staff(url(""), editor);
		String title = "关于公共场所控烟的通知（征求意见稿）" + UUID.randomUUID().toString().substring(0, 4);
		long before = jdbc.sql("select count(*) from openness_consultation").query(Long.class).single();

		HttpResponse<String> text = desk.postMultipart(BASE + "/new", BASE + "/new", fields(title),
				List.of(new FilePart("upload", "说明.txt", "not a pdf".getBytes())));
		assertThat(text.statusCode()).isEqualTo(200);
		assertThat(text.body()).contains("附件“说明.txt”不是 PDF 或 OFD 文件").contains(title);
		HttpResponse<String> script = desk.postMultipart(BASE + "/new", BASE + "/new", fields(title),
				List.of(new FilePart("upload", "征求意见稿.pdf", SamplePdfs.withJavaScript())));
		assertThat(script.body()).contains("含有脚本");
		assertThat(jdbc.sql("select count(*) from openness_consultation").query(Long.class).single()).isEqualTo(before);

		HttpResponse<String> saved = desk.postMultipart(BASE + "/new", BASE + "/new", fields(title),
				List.of(new FilePart("upload", "征求意见稿.pdf", SamplePdfs.blank())));
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
		assertThat(desk.get(page).body()).contains("征求意见稿.pdf");
		// not public before review
		assertThat(new FormSession(url("")).get("/consultations/" + id + "/file").statusCode()).isEqualTo(404);
		desk.postFrom(page, page + "/submit");
		// another department's reviewer does not find it
		FormSession other = FormSession.staff(url(""), newStaff("XH-JY", Role.INFO_REVIEWER, "外审核"));
		assertThat(other.get(page).statusCode()).isEqualTo(404);
		assertThat(other.postFrom(BASE, page + "/approve").statusCode()).isEqualTo(404);
		FormSession review = FormSession.staff(url(""), reviewer);
		assertThat(review.postFrom(page, page + "/approve").statusCode()).isEqualTo(302);

		HttpResponse<String> file = new FormSession(url("")).get("/consultations/" + id + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		assertThat(jdbc.sql("select detail from audit_entry where kind = 'OPENNESS_CONSULTATION' and subject = ? order by id")
			.param("consultation:" + id).query(String.class).list())
			.hasSize(3)
			.satisfies(details -> assertThat(details.get(0)).startsWith("DRAFTED"))
			.satisfies(details -> assertThat(details.get(2)).startsWith("REVIEWED and PUBLISHED"));
	}

	@Test
	void theReviewerReturnsWithAReasonAndTheEditorCorrectsTheDraft() throws Exception {
		Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "页编辑");
		FormSession desk = FormSession.staff(url(""), editor);
		HttpResponse<String> saved = desk.postMultipart(BASE + "/new", BASE + "/new", fields("退回后修改的征求意见稿"),
				List.of(new FilePart("upload", "初稿.pdf", SamplePdfs.blank())));
		String page = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		desk.postFrom(page, page + "/submit");
		FormSession review = FormSession.staff(url(""), newStaff("XH-SCJG", Role.INFO_REVIEWER, "页审核"));
		// a return needs a reason
		review.postFrom(page, page + "/return", "reason", "");
		assertThat(review.get(page).body()).contains("请填写退回理由").contains("待审核");
		review.postFrom(page, page + "/return", "reason", "征集期应不少于三十日，请补充起草依据");
		assertThat(desk.get(page).body()).contains("审核退回：征集期应不少于三十日").contains("草稿");

		List<Map.Entry<String, String>> corrected = new ArrayList<>(fields("退回后修改的征求意见稿（修改稿）"));
		corrected.add(Map.entry("removeFile", "true"));
		HttpResponse<String> edited = desk.postMultipart(page + "/edit", page + "/edit", corrected, List.of());
		assertThat(edited.statusCode()).isEqualTo(302);
		String body = desk.get(page).body();
		assertThat(body).contains("退回后修改的征求意见稿（修改稿）").doesNotContain("初稿.pdf");
		assertThat(desk.postFrom(page, page + "/submit").statusCode()).isEqualTo(302);
		assertThat(desk.get(page).body()).contains("待审核");
		// in review it is no longer edited: the edit page goes back to the consultation
		assertThat(desk.get(page + "/edit").headers().firstValue("Location").orElseThrow()).endsWith(page);
	}

	@Test
	void noFormOfConsultationsOrMailboxesAnswersAServerError() throws Exception {
		Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "模糊编辑");
		FormSession desk = FormSession.staff(url(""), editor);
		String page = desk.postMultipart(BASE + "/new", BASE + "/new", fields("经得起任意输入的征求意见稿"), List.of())
			.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		desk.postFrom(page, page + "/submit");
		FormSession.staff(url(""), newStaff("XH-SCJG", Role.INFO_REVIEWER, "模糊审核")).postFrom(page, page + "/approve");
		String id = page.substring(page.lastIndexOf('/') + 1);
		List<String> values = List.of("a\u0000b", "\u0001\u001b[31m", "x".repeat(5_000), "", "-1", "99999999999999999999", "NOT_A_VALUE",
				"2026-02-30", "<script>alert(1)</script>");
		FormSession visitor = new FormSession(url(""));
		int posts = 0;
		for (String value : values) {
			List<HttpResponse<String>> answers = List.of(
					visitor.postFrom("/consultations/" + id, "/consultations/" + id + "/comments", "questionId", value, "body", value, "phone",
							value, "phoneCode", value),
					visitor.postFrom("/consultations/" + id, "/consultations/" + id + "/comments", "action", "code", "phone", value),
					visitor.postFrom("/mailbox/XH-ZFB", "/mailbox/XH-ZFB", "type", value, "description", value, "contactName", value,
							"phone", value, "phoneCode", value, "publishConsent", value),
					desk.postFrom(BASE + "/new", BASE + "/new", "title", value, "docKind", value, "draft", value, "background", value,
							"startsOn", value, "endsOn", value, "themes", value, "questions", value),
					desk.postFrom(page, page + "/return", "reason", value),
					desk.postFrom(page, page + "/report", "note", value));
			for (HttpResponse<String> answer : answers) {
				assertThat(answer.statusCode()).as(answer.request().uri() + " with " + value.substring(0, Math.min(10, value.length())))
					.isLessThan(500);
				posts++;
			}
		}
		assertThat(posts).isEqualTo(values.size() * 6);
	}

	@Test
	void aSignedInCitizenSeesTheirCommentPendingThenHeldWithTheReason() throws Exception {
		Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "页编辑");
		Staff reviewer = newStaff("XH-SCJG", Role.INFO_REVIEWER, "页审核");
		FormSession desk = FormSession.staff(url(""), editor);
		HttpResponse<String> saved = desk.postMultipart(BASE + "/new", BASE + "/new", fields("关于公共场所控烟的通知（征求意见稿）"), List.of());
		String page = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String id = page.substring(page.lastIndexOf('/') + 1);
		desk.postFrom(page, page + "/submit");
		FormSession.staff(url(""), reviewer).postFrom(page, page + "/approve");
		long question = jdbc.sql("select id from openness_consultation_question where consultation_id = ?::uuid").param(id)
			.query(Long.class).single();

		Citizen citizen = newCitizen("评论市民", 2);
		FormSession person = new FormSession(url(""));
		person.signIn(citizen.idNumber(), PASSWORD);
		person.get("/consultations/" + id);
		HttpResponse<String> sent = person.post("/consultations/" + id + "/comments", "questionId", Long.toString(question), "body",
				"建议在电梯口也设置禁烟标识。");
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(person.get("/consultations/" + id).body()).contains("我的意见").contains("建议在电梯口也设置禁烟标识").contains("待审核");
		assertThat(new FormSession(url("")).get("/consultations/" + id).body()).doesNotContain("建议在电梯口也设置禁烟标识");

		String commentId = jdbc.sql("select id::text from openness_consultation_comment where consultation_id = ?::uuid").param(id)
			.query(String.class).single();
		desk.postFrom(page, page + "/comments/" + commentId + "/hold", "reason", "内容与已公开意见重复");
		assertThat(person.get("/consultations/" + id).body()).contains("未公开").contains("内容与已公开意见重复");
	}
}
