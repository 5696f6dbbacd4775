package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.PhoneConfirmation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.Adoption;
import tongban.openness.domain.CommentStatus;
import tongban.openness.domain.ConsultationRepository;
import tongban.openness.internal.ConsultationComments;
import tongban.openness.internal.ConsultationComments.Commented;
import tongban.openness.internal.ConsultationComments.NewComment;
import tongban.openness.internal.ConsultationDrafting;
import tongban.openness.internal.ConsultationDrafting.Saved;
import tongban.openness.internal.ConsultationInput;
import tongban.openness.internal.ConsultationReports;
import tongban.openness.internal.ConsultationReports.Row;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * 征求意见 on the real database: drafting with its checks (end before start at the field, a short period warned of),
 * review by someone else of the department, comments refused before the first day and after the last with the date,
 * a wrong SMS code, moderation (a held comment is not public), the feedback report counted from the comments, and
 * another department's consultation not found.
 */
class ConsultationIT extends IntegrationTest {

	@Autowired
	ConsultationDrafting drafting;

	@Autowired
	ConsultationComments comments;

	@Autowired
	ConsultationReports reports;

	@Autowired
	ConsultationRepository consultations;

	@Autowired
	PhoneConfirmation phones;

	static LocalDate today() {
		return LocalDate.now(Clocks.ZONE);
	}

	static ConsultationInput input(String title, LocalDate starts, LocalDate ends) {
		return new ConsultationInput(title, "NORMATIVE", "第一条 为规范本区小餐饮店经营行为，保障饮食安全，制定本办法。\n\n第二条 本办法自发布之日起施行。",
				"全区小餐饮店数量多，群众投诉集中，需要规范。", starts.toString(), ends.toString(), List.of("分级管理", "阳光厨房", ""),
				List.of("分三级管理是否合理？", "新店建设阳光厨房的成本影响有多大？", ""), null);
	}

	record Published(UUID id, StaffMember editor, StaffMember reviewer) {
	}

	/** A consultation drafted by a new editor of XH-SCJG and published by a new reviewer of the department. */
	Published published(LocalDate starts, LocalDate ends) {
		StaffMember editor = people.signedIn(newStaff("XH-SCJG", Role.INFO_EDITOR, "测编辑"));
		StaffMember reviewer = people.signedIn(newStaff("XH-SCJG", Role.INFO_REVIEWER, "测审核"));
		Saved saved = drafting.create(editor, input("关于小餐饮店食品安全的管理办法" + UUID.randomUUID().toString().substring(0, 4), starts, ends), null);
		assertThat(saved.problems()).isEmpty();
		drafting.submit(editor, saved.id());
		drafting.approve(reviewer, saved.id());
		return new Published(saved.id(), editor, reviewer);
	}

	/** The period moves into the past (the project has no test clock: its dates move instead of today). */
	void closeYesterday(UUID id) {
		jdbc.sql("update openness_consultation set starts_on = ?, ends_on = ? where id = ?")
			.params(today().minusDays(31), today().minusDays(1), id)
			.update();
	}

	long question(UUID id, int position) {
		return consultations.questions(id).get(position - 1).id();
	}

	UUID signedInComment(UUID consultation, int question, String body) {
		Commented c = comments.comment(consultation, new NewComment(Long.toString(question(consultation, question)), body, null, null),
				newCitizen("评论人", 2).id());
		assertThat(c.problems()).isEmpty();
		return c.id();
	}

	static String fields(List<FieldProblem> problems) {
		return problems.stream().map(p -> p.field() + ":" + p.code()).toList().toString();
	}

	@Test
	void endBeforeStartIsRefusedAtTheFieldAndAShortPeriodIsOnlyWarned() {
		StaffMember editor = people.signedIn(newStaff("XH-SCJG", Role.INFO_EDITOR, "测编辑"));
		long before = jdbc.sql("select count(*) from openness_consultation").query(Long.class).single();
		Saved refused = drafting.create(editor, input("截止早于开始的征求意见", today().plusDays(10), today().plusDays(2)), null);
		assertThat(fields(refused.problems())).contains("endsOn:openness.consult.error.endsBeforeStart");
		assertThat(jdbc.sql("select count(*) from openness_consultation").query(Long.class).single()).isEqualTo(before);

		Saved shortOne = drafting.create(editor, input("征集期只有十天的征求意见", today(), today().plusDays(9)), null);
		assertThat(shortOne.ok()).isTrue();
		assertThat(shortOne.shortPeriod()).isTrue();
		Saved usual = drafting.create(editor, input("征集期三十天的征求意见", today(), today().plusDays(29)), null);
		assertThat(usual.shortPeriod()).isFalse();
	}

	@Test
	void theAuthorCannotReviewAndAnotherDepartmentDoesNotSeeIt() {
		StaffMember editor = people.signedIn(people.staff("XH-SCJG", null, EnumSet.of(Role.INFO_EDITOR, Role.INFO_REVIEWER), "双角色"));
		Saved saved = drafting.create(editor, input("作者不能自己审核的征求意见", today(), today().plusDays(30)), null);
		drafting.submit(editor, saved.id());
		assertThatThrownBy(() -> drafting.approve(editor, saved.id())).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("openness-consult-own-review");
		StaffMember elsewhere = people.signedIn(newStaff("XH-JY", Role.INFO_REVIEWER, "外单位"));
		assertThatThrownBy(() -> drafting.approve(elsewhere, saved.id())).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		// not public while in review
		assertThatThrownBy(() -> comments.publicConsultation(saved.id())).isInstanceOf(DomainException.class);
	}

	@Test
	void aCommentAfterTheLastDayIsRefusedWithTheDateAndBeforeTheFirstWithItsDate() {
		Published late = published(today(), today().plusDays(29));
		closeYesterday(late.id());
		long before = jdbc.sql("select count(*) from openness_consultation_comment").query(Long.class).single();
		Commented refused = comments.comment(late.id(), new NewComment(Long.toString(question(late.id(), 1)), "晚到的意见，请考虑。", null, null),
				newCitizen("迟到者", 2).id());
		assertThat(refused.problems()).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("openness.consult.error.closed");
			assertThat(p.args()).containsExactly(today().minusDays(1).getYear() + "年" + today().minusDays(1).getMonthValue() + "月"
					+ today().minusDays(1).getDayOfMonth() + "日");
		});
		assertThat(jdbc.sql("select count(*) from openness_consultation_comment").query(Long.class).single()).isEqualTo(before);

		// and the page says so in words, with the date
		String page = get("/consultations/" + late.id()).body();
		assertThat(page).contains("意见征集已于" + today().minusDays(1).getYear() + "年");
		// and no code is sent for a closed consultation
		assertThat(comments.sendCode(late.id(), TestPeople.mobile())).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("openness.consult.error.closed"));

		Published upcoming = published(today().plusDays(3), today().plusDays(40));
		Commented early = comments.comment(upcoming.id(), new NewComment(Long.toString(question(upcoming.id(), 1)), "提前的意见，请考虑。", null, null),
				newCitizen("早到者", 2).id());
		assertThat(fields(early.problems())).contains("body:openness.consult.error.notYet");
	}

	@Test
	void anAnonymousCommentNeedsTheRightCodeSentForAConsultation() {
		Published open = published(today(), today().plusDays(29));
		String mobile = TestPeople.mobile();
		NewComment comment = new NewComment(Long.toString(question(open.id(), 2)), "阳光厨房改造费用较高，建议给老店过渡期。", mobile, "000000");
		// no code sent yet
		assertThat(fields(comments.comment(open.id(), comment, null).problems())).contains("phoneCode:hotline.error.phone.unconfirmed");
		assertThat(comments.sendCode(open.id(), mobile)).isEmpty();
		assertThat(lastSms(mobile)).contains("您正在参与意见征集");
		String code = lastSmsCode(mobile);
		String wrong = code.equals("123456") ? "654321" : "123456";
		Commented refused = comments.comment(open.id(), new NewComment(comment.questionId(), comment.body(), mobile, wrong), null);
		assertThat(fields(refused.problems())).isEqualTo("[phoneCode:hotline.error.code.wrong]");
		assertThat(consultations.comments(open.id(), null)).isEmpty();

		Commented ok = comments.comment(open.id(), new NewComment(comment.questionId(), comment.body(), mobile, code), null);
		assertThat(ok.problems()).isEmpty();
		assertThat(consultations.comment(ok.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
		// the phone is kept encrypted, never in clear
		assertThat(jdbc.sql("select phone from openness_consultation_comment where id = ?").param(ok.id()).query(String.class).single())
			.doesNotContain(mobile);
		// a code is used once
		assertThat(fields(comments.comment(open.id(), new NewComment(comment.questionId(), "再提一条意见，内容不同。", mobile, code), null).problems()))
			.contains("phoneCode:hotline.error.phone.unconfirmed");
	}

	@Test
	void aCodeSentForATicketDoesNotConfirmAComment() throws Exception {
		Published open = published(today(), today().plusDays(29));
		String mobile = TestPeople.mobile();
		assertThat(phones.sendCode(mobile, PhoneConfirmation.Purpose.TICKET)).isEmpty();
		assertThat(lastSms(mobile)).startsWith("【12345】您的诉求提交验证码为");
		Commented refused = comments.comment(open.id(),
				new NewComment(Long.toString(question(open.id(), 1)), "分级管理的标准建议再细化。", mobile, lastSmsCode(mobile)), null);
		assertThat(fields(refused.problems())).contains("phoneCode:hotline.error.phone.unconfirmed");
	}

	@Test
	void aHeldCommentIsNotPublicButItsWriterSeesWhy() {
		Published open = published(today(), today().plusDays(29));
		UUID shown = signedInComment(open.id(), 1, "分级管理的标准建议公开评分细则。");
		UUID held = signedInComment(open.id(), 1, "我家楼下的路灯坏了好几天了，请修一下。");
		UUID pending = signedInComment(open.id(), 2, "阳光厨房建议给予补贴，减轻小店负担。");
		comments.publish(open.editor(), shown);
		assertThatThrownBy(() -> comments.hold(open.editor(), held, "无")).isInstanceOf(DomainException.class);
		comments.hold(open.editor(), held, "与本次征求意见无关，请通过 12345 反映");
		// a reviewer who is not an editor does not moderate
		assertThatThrownBy(() -> comments.publish(open.reviewer(), pending)).isInstanceOf(DomainException.class);

		String page = get("/consultations/" + open.id()).body();
		assertThat(page).contains("分级管理的标准建议公开评分细则").doesNotContain("路灯坏了").doesNotContain("阳光厨房建议给予补贴")
			.contains("共收到意见 3 条，已公开 1 条");
		assertThat(consultations.counts(open.id())).containsEntry(CommentStatus.PUBLISHED, 1L)
			.containsEntry(CommentStatus.HELD, 1L)
			.containsEntry(CommentStatus.PENDING, 1L);
		assertThat(consultations.comment(held).orElseThrow().holdReason()).contains("与本次征求意见无关");
	}

	@Test
	void theReportIsCountedFromTheModeratedCommentsPerTheme() {
		Published p = published(today(), today().plusDays(29));
		UUID a = signedInComment(p.id(), 1, "建议三级管理的评定结果在美团等平台同步公示。");
		UUID b = signedInComment(p.id(), 1, "建议经营面积标准放宽到八十平方米。");
		UUID c = signedInComment(p.id(), 2, "老店改造阳光厨房给一年过渡期。");
		UUID d = signedInComment(p.id(), 2, "阳光厨房全部取消。");
		UUID e = signedInComment(p.id(), 2, "和本文件无关的广告内容。");
		for (UUID id : List.of(a, b, c, d)) {
			comments.publish(p.editor(), id);
		}
		comments.hold(p.editor(), e, "广告内容不予公开");
		// adoption only after closing
		assertThatThrownBy(() -> comments.adopt(p.editor(), a, "ADOPTED", "")).isInstanceOf(DomainException.class)
			.extracting(x -> ((DomainException) x).code())
			.isEqualTo("openness-consult-not-closed");
		closeYesterday(p.id());
		comments.adopt(p.editor(), a, "ADOPTED", "");
		comments.adopt(p.editor(), b, "NOT_ADOPTED", "面积标准与省里的小餐饮定义保持一致");
		comments.adopt(p.editor(), c, "PARTLY", "过渡期定为六个月");
		// not adopted needs a reason
		assertThatThrownBy(() -> comments.adopt(p.editor(), d, "NOT_ADOPTED", "")).isInstanceOf(DomainException.class);
		// the report waits for every decision
		assertThatThrownBy(() -> reports.publish(p.editor(), p.id(), "")).isInstanceOf(DomainException.class)
			.extracting(x -> ((DomainException) x).code())
			.isEqualTo("openness-consult-undecided");
		comments.adopt(p.editor(), d, "NOT_ADOPTED", "阳光厨房有助于社会监督，予以保留");
		reports.publish(p.editor(), p.id(), "感谢各方参与。");

		ConsultationReports.Report report = reports.report(p.id());
		Row first = report.rows().get(0), second = report.rows().get(1), total = report.total();
		assertThat(List.of(first.received(), first.adopted(), first.partly(), first.notAdopted(), first.held())).containsExactly(2L, 1L, 0L, 1L, 0L);
		assertThat(List.of(second.received(), second.adopted(), second.partly(), second.notAdopted(), second.held())).containsExactly(3L, 0L, 1L, 1L, 1L);
		assertThat(List.of(total.received(), total.adopted(), total.partly(), total.notAdopted(), total.held())).containsExactly(5L, 1L, 1L, 2L, 1L);
		assertThat(consultations.comment(b).orElseThrow().adoption()).isEqualTo(Adoption.NOT_ADOPTED);

		String page = get("/consultations/" + p.id()).body();
		assertThat(page).contains("意见采纳情况").contains("面积标准与省里的小餐饮定义保持一致").contains("感谢各方参与");
		// once reported, nothing changes any more
		assertThatThrownBy(() -> comments.adopt(p.editor(), a, "NOT_ADOPTED", "改变主意了啊")).isInstanceOf(DomainException.class);
	}

	@Test
	void badInputOnThePublicPagesIsNeverA500() throws Exception {
		Published open = published(today(), today().plusDays(29));
		assertThat(get("/consultations/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(get("/consultations/not-a-uuid").statusCode()).isEqualTo(404);
		assertThat(get("/mailbox/NO-SUCH-DEPT").statusCode()).isEqualTo(404);
		HttpResponse<String> nul = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/consultations/" + open.id() + "/comments")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("questionId=1&body=%00abc&phone=13900001111"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(nul.statusCode()).isEqualTo(400);
		// overlong and odd values through the service: problems at the fields, never an exception
		Commented odd = comments.comment(open.id(), new NewComment("abc", "很".repeat(5000), "12", "x"), null);
		assertThat(fields(odd.problems())).contains("questionId:", "body:openness.consult.error.length", "phone:hotline.error.phone.format");
		assertThat(Optional.ofNullable(odd.id())).isEmpty();
	}

	HttpResponse<String> get(String path) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
