package tongban.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tongban.shared.Upload;
import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Uscc;

/** Cases made through the service, for tests about what happens after submission. */
public final class TestCases {

	private TestCases() {
	}

	/**
	 * An approver of 区人力社保局 by this name, as a step that seals nothing needs them (items without a licence): no
	 * account behind them and no second factor.
	 */
	public static StaffMember approver(String name) {
		return new StaffMember(UUID.randomUUID(), name, "XH-RLSB", null, Set.of(Role.APPROVER));
	}

	public static Actor actor(IntegrationTest.Citizen c) {
		return new Actor(c.id(), c.name(), new Party(Party.Kind.CITIZEN, c.id(), c.name()));
	}

	/** A submitted 社会保障卡申领 (承诺件, 10 working days, 区人力社保局) of this citizen. */
	public static CaseId submittedSocialSecurityCard(Applying applying, IntegrationTest.Citizen c) {
		Actor a = actor(c);
		CaseId id = applying.startDraft(a, ApplyOnlineJourneyIT.ITEM);
		var problems = applying.saveDraft(a, id, applying.draft(a, id).lockVersion(), Map.of("region", "330106", "bank", "中国银行",
				"delivery", "窗口领取"),
				Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)), Map.of());
		if (!problems.isEmpty() || !applying.submit(a, id, applying.draft(a, id).submitToken()).isEmpty()) {
			throw new AssertionError("could not submit: " + problems);
		}
		return id;
	}

	/** 食品经营许可（新办） of the parallel-review template. */
	public static final String FOOD_LICENCE = "330106-XK-0001-01";

	/** A 食品经营许可 case and the company it was filed for (a 法人 item: the citizen applies as its legal representative). */
	public record CompanyCase(CaseId caseId, UUID companyId) {
	}

	/**
	 * A submitted 食品经营许可 application for a restaurant with this USCC and name on the form, filed by the citizen for a
	 * new company of theirs (its own USCC: tests may share the form's).
	 */
	public static CompanyCase submittedFoodLicence(Applying applying, Representation companies, IntegrationTest.Citizen c,
			String uscc, String entityName) {
		String first17 = "91330106MA" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000));
		UUID company = companies.registerLegalPerson(c.id(), first17 + Uscc.checkCharacter(first17), entityName);
		Actor a = new Actor(c.id(), c.name(), new Party(Party.Kind.LEGAL_PERSON, company, entityName));
		CaseId id = applying.startDraft(a, FOOD_LICENCE);
		Map<String, Object> values = new LinkedHashMap<>(Map.of("uscc", uscc, "entityName", entityName, "legalName",
				c.name(), "legalId", c.idNumber(), "phone", "13700012345", "format", "餐饮服务经营者", "items", "热食类食品制售",
				"address", "杭州市西湖区文二路 8 号", "area", "80"));
		byte[] pdf = SamplePdfs.blank();
		values.put("staff", List.of(Map.of("staffName", "王厨", "staffId", c.idNumber(), "staffPhone", "13700012346")));
		var problems = applying.saveDraft(a, id, applying.draft(a, id).lockVersion(), values,
				Map.of(0, new Upload("申请书.pdf", pdf), 3, new Upload("布局.pdf", pdf), 4,
						new Upload("制度.pdf", pdf)),
				Map.of("layout", new Upload("平面图.png", ApplyOnlineJourneyIT.PNG)));
		if (!problems.isEmpty()) {
			throw new AssertionError(problems);
		}
		if (!applying.submit(a, id, applying.draft(a, id).submitToken()).isEmpty()) {
			throw new AssertionError("not submitted");
		}
		return new CompanyCase(id, company);
	}

	/** A submitted 社会保障卡申领 whose applicant chose 免费邮寄 (the card is sent by post). */
	public static CaseId submittedSocialSecurityCardByPost(Applying applying, IntegrationTest.Citizen c) {
		Actor a = actor(c);
		CaseId id = applying.startDraft(a, ApplyOnlineJourneyIT.ITEM);
		var problems = applying.saveDraft(a, id, applying.draft(a, id).lockVersion(), Map.of("name", c.name(), "idNumber",
				c.idNumber(), "phone", c.mobile(), "region", "330106", "bank", "中国银行", "delivery", "免费邮寄", "mailAddress",
				"杭州市西湖区文三路 90 号"), Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)), Map.of());
		if (!problems.isEmpty() || !applying.submit(a, id, applying.draft(a, id).submitToken()).isEmpty()) {
			throw new AssertionError("could not submit: " + problems);
		}
		return id;
	}
}
