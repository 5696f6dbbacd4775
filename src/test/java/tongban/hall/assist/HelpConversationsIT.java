package tongban.hall.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.identity.Actor;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestCases;

/**
 * 线上帮办: a person asks from their draft, staff on duty take and answer; with consent (recorded, withdrawable) the
 * helper sees the draft and fills it in on the person's own draft; nobody else sees the conversation.
 */
class HelpConversationsIT extends IntegrationTest {

	@Autowired
	HelpConversations conversations;

	@Autowired
	Applying applying;

	@Autowired
	WindowStaff windowStaff;

	@Autowired
	ServicePoints points;

	/** A counter clerk of their own at window 02 of 西溪街道便民服务中心. */
	private People.Staff clerkOnDuty(String name) {
		People.Staff staff = newStaff("XH-ZWFW", Role.COUNTER_CLERK, name);
		ServicePoints.ServicePoint xixi = points.pointByCode("XH-BM-XX").orElseThrow();
		windowStaff.assign(points.windows(xixi.id()).getLast().id(), staff.id());
		return staff;
	}

	@Test
	void aHelperTakesAnswersAndFillsInTheDraftOnlyWithConsent() {
		Citizen citizen = newCitizen("帮办甲", 2);
		Actor actor = TestCases.actor(citizen);
		CaseId draft = applying.startDraft(actor, ApplyOnlineJourneyIT.ITEM);
		UUID id = conversations.open(actor, ApplyOnlineJourneyIT.ITEM, draft.value(), "服务银行那一栏不知道怎么选");
		People.Staff helperAccount = clerkOnDuty("帮办员甲");
		StaffMember helper = people.signedIn(helperAccount);
		StaffMember rival = people.signedIn(clerkOnDuty("帮办员乙"));
		StaffMember offDuty = people.signedIn(newStaff("XH-ZWFW", Role.COUNTER_CLERK, "无窗口"));

		assertThat(conversations.waiting(helper)).extracting(HelpConversations.Conversation::id).contains(id);
		assertThatThrownBy(() -> conversations.waiting(offDuty)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> conversations.forStaff(offDuty, id)).isInstanceOf(DomainException.class);
		conversations.take(helper, id);
		// taken: another helper no longer sees it, and cannot take it twice
		assertThatThrownBy(() -> conversations.forStaff(rival, id)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "not-found");
		assertThatThrownBy(() -> conversations.take(rival, id)).isInstanceOf(DomainException.class);
		conversations.answer(helper, id, "您好，选您常用的银行就可以，我可以帮您一起填。");
		assertThat(conversations.messages(id, 0)).extracting(HelpConversations.Message::fromStaff).containsExactly(false, true);
		long first = conversations.messages(id, 0).getFirst().id();
		assertThat(conversations.messages(id, first)).hasSize(1);

		// no consent: the draft stays closed to the helper
		assertThatThrownBy(() -> conversations.draft(helper, id)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> conversations.fill(helper, id, Map.of("bank", "中国银行"))).isInstanceOf(DomainException.class);
		conversations.giveConsent(citizen.id(), id);
		HelpConversations.Consent consent = conversations.consent(id).orElseThrow();
		assertThat(consent.caseId()).isEqualTo(draft.value());
		assertThat(consent.active()).isTrue();
		assertThat(conversations.draft(helper, id).draft().id()).isEqualTo(draft);
		FormSession helperBrowser = FormSession.staff(url(""), helperAccount);
		assertThat(helperBrowser.get("/workbench").body()).contains("/workbench/hall/help").contains("/workbench/hall/home-visits");
		String draftPage = "/workbench/hall/help/" + id + "/draft";
		assertThat(helperBrowser.get(draftPage).body()).contains("服务银行").contains("name=\"v.bank\"");
		HttpResponse<String> saved = helperBrowser.postFrom(draftPage, draftPage, "v.bank", "杭州银行");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("已保存到申请人的草稿");
		assertThat(applying.draft(actor, draft).values()).containsEntry("bank", "杭州银行");
		conversations.fill(helper, id, Map.of("bank", "中国银行", "region", "330106"));
		assertThat(applying.draft(actor, draft).values()).containsEntry("bank", "中国银行").containsEntry("region", "330106");
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and actor = ?").params("case:" + draft, "account:" + helper.id())
			.query(Integer.class).single()).isGreaterThanOrEqualTo(2);

		conversations.withdrawConsent(citizen.id(), id);
		assertThat(conversations.consent(id).orElseThrow().active()).isFalse();
		assertThatThrownBy(() -> conversations.draft(helper, id)).isInstanceOf(DomainException.class);

		// over the web: the helper's page updates from the messages fragment; nobody else's conversation is visible
		assertThat(helperBrowser.get(draftPage).statusCode()).isEqualTo(404);
		assertThat(helperBrowser.get("/workbench/hall/help/" + id).body()).contains("服务银行那一栏不知道怎么选");
		assertThat(helperBrowser.get("/workbench/hall/help/" + id + "/messages?after=" + first).body()).contains("我可以帮您一起填")
			.doesNotContain("服务银行那一栏");
		FormSession owner = new FormSession(url(""));
		owner.signIn(citizen.idNumber(), PASSWORD);
		assertThat(owner.get("/account").body()).contains("/account/help").contains("/account/home-visits");
		assertThat(owner.get("/account/help/" + id).body()).contains("我可以帮您一起填").contains("同意查看并协助填写").contains("撤回同意");
		HttpResponse<String> tooLong = owner.postFrom("/account/help/" + id, "/account/help/" + id + "/messages", "message", "长".repeat(501));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("内容太长");
		HttpResponse<String> control = owner.postFrom("/account/help/" + id, "/account/help/" + id + "/messages", "message", "a\u0001b");
		assertThat(control.statusCode()).isBetween(400, 499);
		assertThat(conversations.messages(id, 0)).hasSize(2);
		assertThat(owner.postFrom("/account/help/" + id, "/account/help/" + id + "/messages", "message", "谢谢！").statusCode()).isEqualTo(302);
		assertThat(conversations.messages(id, 0)).hasSize(3);

		Citizen stranger = newCitizen("帮办乙", 2);
		FormSession other = new FormSession(url(""));
		other.signIn(stranger.idNumber(), PASSWORD);
		assertThat(other.get("/account/help/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/account/help/" + id + "/messages").statusCode()).isEqualTo(404);
		assertThatThrownBy(() -> conversations.ofCitizen(stranger.id(), id)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> conversations.giveConsent(stranger.id(), id)).isInstanceOf(DomainException.class);
		// a stranger cannot attach someone else's draft to a conversation of theirs
		assertThatThrownBy(() -> conversations.open(TestCases.actor(stranger), ApplyOnlineJourneyIT.ITEM, draft.value(), "看看"))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "not-found");

		conversations.closeByStaff(helper, id);
		assertThatThrownBy(() -> conversations.say(citizen.id(), id, "还在吗")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("code", "hall-help-closed");
	}

	@Test
	void askingFromAGuidePageOpensAConversation() {
		Citizen citizen = newCitizen("帮办丙", 2);
		FormSession browser = new FormSession(url(""));
		browser.signIn(citizen.idNumber(), PASSWORD);
		assertThat(browser.get("/items/" + ApplyOnlineJourneyIT.ITEM).body()).contains("/account/help/new?item=" + ApplyOnlineJourneyIT.ITEM);
		HttpResponse<String> empty = browser.postFrom("/account/help/new?item=" + ApplyOnlineJourneyIT.ITEM, "/account/help/new", "item",
				ApplyOnlineJourneyIT.ITEM, "message", " ");
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("请填写内容").contains("error-summary");
		HttpResponse<String> opened = browser.postFrom("/account/help/new?item=" + ApplyOnlineJourneyIT.ITEM, "/account/help/new", "item",
				ApplyOnlineJourneyIT.ITEM, "message", "需要带户口本吗？");
		assertThat(opened.statusCode()).isEqualTo(302);
		String page = opened.headers().firstValue("Location").orElseThrow();
		assertThat(browser.get(page.replaceFirst("^https?://[^/]+", "")).body()).contains("需要带户口本吗？").contains("等待工作人员接手");
		assertThat(browser.get("/account/help/new?item=NOPE").statusCode()).isEqualTo(404);
		assertThat(browser.get("/account/help/new?case=not-a-uuid").statusCode()).isEqualTo(404);
	}
}
