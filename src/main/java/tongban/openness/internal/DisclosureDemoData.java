package tongban.openness.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.Disclosure;
import tongban.openness.DisclosureDesk;
import tongban.openness.DisclosureRequests;
import tongban.openness.NewDisclosureRequest;
import tongban.openness.domain.DisclosureTime;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.PdfText;
import tongban.shared.Upload;

/**
 * Demo requests for government information to 区市场监管局 (XH-SCJG) across 2025 and 2026, replayed through the same
 * services staff and applicants use, each step on its past date: every outcome group, a 补正 answered and one left to
 * lapse, a third-party consultation, an approved extension, a request carried from 2025 into 2026, a review and a suit,
 * one overdue and one waiting for the head. So the 2025 and 2026 annual report tables show real numbers.
 */
@Component
@Order(90)
class DisclosureDemoData implements ApplicationRunner {

	static final String DEPARTMENT = "XH-SCJG";

	private final DemoData demo;
	private final DisclosureRequests requests;
	private final DisclosureDesk desk;
	private final DeemedWithdrawal withdrawal;
	private final DisclosureTime time;
	private final IdentityManagement identity;

	DisclosureDemoData(DemoData demo, DisclosureRequests requests, DisclosureDesk desk, DeemedWithdrawal withdrawal, DisclosureTime time,
			IdentityManagement identity) {
		this.demo = demo;
		this.requests = requests;
		this.desk = desk;
		this.withdrawal = withdrawal;
		this.time = time;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("openness-disclosure", this::load);
	}

	private void load() {
		Actor citizen = actor("330106199001010018", false);
		Actor company = actor("330106197805150033", true);
		// the demo staff 罗公开 and 郑管理 of XH-SCJG, as the desk sees them (ids stand for their accounts in the audit trail)
		StaffMember officer = new StaffMember(UUID.nameUUIDFromBytes("demo:disclosure".getBytes()), "罗公开", DEPARTMENT, null,
				EnumSet.of(Role.DISCLOSURE_OFFICER));
		StaffMember head = new StaffMember(UUID.nameUUIDFromBytes("demo:deptadmin".getBytes()), "郑管理", DEPARTMENT, null, EnumSet.of(Role.DEPT_ADMIN));

		String n1 = apply(citizen, "2025-03-10", "2024年度西湖区食品安全监督抽检计划及抽检结果汇总", "DOWNLOAD", "");
		answer(officer, n1, "2025-03-24", Disclosure.Outcome.DISCLOSED, "", true);

		String n2 = apply(company, "2025-04-14", "本公司所在文三路餐饮集聚区2024年餐饮服务食品安全量化分级评定结果", "EMAIL", "office@example.com");
		answer(officer, n2, "2025-05-09", Disclosure.Outcome.PARTLY_DISCLOSED, "评定结果中其他经营者的联系人和联系电话属于个人信息，已作区分处理。", true);
		at("2025-06-03", () -> desk.recordRemedy(officer, n2, Disclosure.RemedyKind.REVIEW, Disclosure.RemedyResult.UPHELD, LocalDate.parse("2025-06-01")));

		String n3 = apply(citizen, "2025-05-19", "关于集贸市场管理的那个文件", "DOWNLOAD", "");
		at("2025-05-21", () -> desk.requestSupplement(officer, n3, "请写明所需文件的名称、文号或者发布时间，以及“市场”指哪一个集贸市场", 10));
		at("2025-06-10", () -> withdrawal.run());

		String n4 = apply(citizen, "2025-06-16", "西湖区某连锁药店2024年药品经营许可变更登记材料", "PAPER", "杭州市西湖区文三路 100 号");
		at("2025-06-18", () -> desk.startConsultation(officer, n4, "杭州某连锁药房有限公司"));
		at("2025-07-02", () -> desk.endConsultation(officer, n4, "第三方书面答复不同意公开，理由为涉及其商业秘密"));
		answer(officer, n4, "2025-07-10", Disclosure.Outcome.WITHHELD_THIRD_PARTY, "申请公开的信息涉及第三方商业秘密，第三方不同意公开，且不公开不会对公共利益造成重大影响。", false);

		String n5 = apply(company, "2025-08-04", "2010年以前西湖区个体工商户登记档案原件", "PAPER", "杭州市西湖区文三路 100 号");
		answer(officer, n5, "2025-08-15", Disclosure.Outcome.UNAVAILABLE_NOT_HELD, "2010年以前的个体工商户登记档案已移交区档案馆保管，请向杭州市西湖区档案馆申请查阅。", false);

		String n6 = apply(citizen, "2025-09-08", "2024年度西湖区食品安全监督抽检计划及抽检结果汇总", "DOWNLOAD", "");
		answer(officer, n6, "2025-09-12", Disclosure.Outcome.NOT_PROCESSED_REPEATED, "本机关已于2025年3月24日就相同内容作出答复（编号 " + n1 + "），不予重复处理。", false);

		String n7 = apply(citizen, "2025-11-03", "2025年第三季度电梯安全专项检查的内部讨论纪要", "DOWNLOAD", "");
		answer(officer, n7, "2025-11-20", Disclosure.Outcome.WITHHELD_PROCESS, "所申请的纪要属于行政机关在履行行政管理职能过程中形成的讨论记录，属于过程性信息。", false);
		at("2025-12-12", () -> desk.recordRemedy(officer, n7, Disclosure.RemedyKind.SUIT_DIRECT, Disclosure.RemedyResult.PENDING, LocalDate.parse("2025-12-10")));

		String n8 = apply(citizen, "2025-12-15", "2025年西湖区网络餐饮服务第三方平台线上线下一致性检查情况", "EMAIL", "wangxm@example.com");
		at("2026-01-06", () -> desk.requestExtension(officer, n8, 10, "检查结果分散在各市场监管所，需要汇总核对"));
		at("2026-01-07", () -> desk.decideExtension(head, n8, true));
		answer(officer, n8, "2026-01-20", Disclosure.Outcome.DISCLOSED, "", true);

		String n9 = apply(citizen, "2026-03-02", "2025年度西湖区特种设备安全状况通报", "DOWNLOAD", "");
		answer(officer, n9, "2026-03-16", Disclosure.Outcome.DISCLOSED, "", true);

		String n10 = apply(company, "2026-09-21", "文三路餐饮集聚区油烟净化设施检查", "DOWNLOAD", "");
		at("2026-09-23", () -> desk.requestSupplement(officer, n10, "请写明检查的时间范围和需要的是检查记录还是处理结果", 10));
		at("2026-09-28", () -> requests.answerSupplement(company, n10, "2026年1月至8月的检查记录及处理结果"));
		at("2026-10-09", () -> desk.startConsultation(officer, n10, "杭州某餐饮管理有限公司"));
		at("2026-10-20", () -> desk.endConsultation(officer, n10, "第三方同意公开检查结果，不同意公开其设备采购价格"));
		answer(officer, n10, "2026-10-30", Disclosure.Outcome.PARTLY_DISCLOSED, "设备采购价格涉及第三方商业秘密，已作区分处理。", true);

		apply(citizen, "2026-10-26", "2026年西湖区校园周边食品经营者专项检查结果", "DOWNLOAD", "");

		String n12 = apply(citizen, "2026-11-30", "2026年西湖区商品条码质量抽查结果", "DOWNLOAD", "");
		at("2026-12-02", () -> desk.requestExtension(officer, n12, 15, "抽查结果需要向省局核对"));
	}

	private Actor actor(String idNumber, boolean forCompany) {
		UUID account = identity.citizenByIdNumber(idNumber).orElseThrow().id();
		Actor self = identity.selfActor(account).orElseThrow();
		if (!forCompany) {
			return self;
		}
		Party firm = identity.partiesOf(account).stream().filter(p -> p.kind() == Party.Kind.LEGAL_PERSON).findFirst().orElseThrow();
		return identity.citizenActor(account, firm).orElseThrow();
	}

	private String apply(Actor actor, String day, String description, String form, String delivery) {
		String kind = actor.party().kind() == Party.Kind.LEGAL_PERSON ? Disclosure.Applicant.COMMERCIAL.name() : "";
		return time.at(moment(day), () -> requests.apply(actor, new NewDisclosureRequest(DEPARTMENT, description, form, delivery, "", kind))).number();
	}

	private void answer(StaffMember officer, String number, String day, Disclosure.Outcome outcome, String note, boolean withFile) {
		List<Upload> files = withFile ? List.of(new Upload("政府信息-" + number + ".pdf",
				PdfText.letter("政府信息", number, List.of("　　本文件为演示数据：依申请公开提供的政府信息。"), "杭州市西湖区市场监督管理局", day))) : List.of();
		at(day, () -> desk.answer(officer, number, outcome, note, files));
	}

	private void at(String day, Runnable work) {
		time.at(moment(day), () -> {
			work.run();
			return null;
		});
	}

	private static OffsetDateTime moment(String day) {
		return LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(Clocks.ZONE).toOffsetDateTime();
	}
}
