package tongban.hall.assist.internal;

import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.hall.assist.HelpConversations;
import tongban.hall.assist.HomeVisits;
import tongban.identity.AccountEnrolment;
import tongban.identity.AccountSummary;
import tongban.identity.HistoryParties;
import tongban.identity.IdentityManagement;
import tongban.shared.DemoData;
import tongban.shared.IdNumber;

/**
 * 帮办代办 demo: 赵阿婆 (born 1942, 北山街道, an account at L2) has a home visit for 高龄津贴申领 requested by 李代办 of
 * 曙光社区 and assigned to 陈街道 of 北山街道便民服务中心; 王小明 has an open online-help conversation about the same item.
 */
@Component
@Order(47)
class AssistDemoData implements ApplicationRunner {

	static final String ELDER_ID = "33010619420315002" + IdNumber.checkCharacter("33010619420315002");
	static final String ELDER_NAME = "赵阿婆";
	static final String ELDER_MOBILE = "13800000020";
	static final String ITEM = "330106-GF-0004-01";
	static final String CITIZEN_ID = "330106199001010018";

	private final DemoData demo;
	private final AccountEnrolment enrolment;
	private final IdentityManagement identity;
	private final HistoryParties parties;
	private final HomeVisits visits;
	private final HelpConversations conversations;

	AssistDemoData(DemoData demo, AccountEnrolment enrolment, IdentityManagement identity, HistoryParties parties, HomeVisits visits,
			HelpConversations conversations) {
		this.demo = demo;
		this.enrolment = enrolment;
		this.identity = identity;
		this.parties = parties;
		this.visits = visits;
		this.conversations = conversations;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("hall-assist", () -> {
			UUID elder = identity.citizenByIdNumber(ELDER_ID).map(AccountSummary::id)
				.orElseGet(() -> enrolment.enrolCitizen(ELDER_NAME, new IdNumber(ELDER_ID), ELDER_MOBILE, demo.password(), 2));
			var agent = parties.staffByUsername("agent-sg").orElseThrow();
			visits.request(new HomeVisits.Request(ELDER_NAME, ELDER_ID, ELDER_MOBILE, "杭州市西湖区北山街道曙光社区 3 幢 2 单元 101 室（演示地址）",
					"330106002", ITEM, HomeVisits.Reason.ELDERLY.name()), HomeVisits.RequestChannel.COMMUNITY, elder, agent.id(), agent.name());
			identity.citizenByIdNumber(CITIZEN_ID).flatMap(c -> identity.selfActor(c.id())).ifPresent(actor -> conversations.open(actor, ITEM, null,
					"我奶奶今年 85 岁，想申请高龄津贴，需要她本人到街道去吗？"));
		});
	}
}
