package tongban.support;

import java.util.Map;
import java.util.UUID;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.CaseManagement;
import tongban.identity.Actor;
import tongban.identity.Party;

/** Cases made through the service, for tests about what happens after submission. */
public final class TestCases {

	private TestCases() {
	}

	public static Actor actor(IntegrationTest.Citizen c) {
		return new Actor(c.id(), c.name(), new Party(Party.Kind.CITIZEN, c.id(), c.name()));
	}

	/** A submitted 社会保障卡申领 (承诺件, 10 working days, 区人力社保局) of this citizen. */
	public static UUID submittedSocialSecurityCard(CaseManagement cases, IntegrationTest.Citizen c) {
		Actor a = actor(c);
		UUID id = cases.startDraft(a, ApplyOnlineJourneyIT.ITEM);
		var problems = cases.saveDraft(a, id, cases.find(a, id).orElseThrow().lockVersion(), Map.of("name", c.name(), "idNumber",
				c.idNumber(), "phone", "13100012345", "region", "330106", "bank", "中国银行", "delivery", "窗口领取"),
				Map.of(1, new CaseManagement.Upload("p.png", ApplyOnlineJourneyIT.PNG)), Map.of());
		if (!problems.isEmpty() || !cases.submit(a, id, cases.find(a, id).orElseThrow().submitToken()).isEmpty()) {
			throw new AssertionError("could not submit: " + problems);
		}
		return id;
	}
}
