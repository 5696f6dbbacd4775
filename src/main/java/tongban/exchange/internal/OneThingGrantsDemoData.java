package tongban.exchange.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.exchange.SharingGrants;
import tongban.shared.Clocks;
import tongban.shared.DemoData;

/**
 * The grants behind the 高效办成一件事 bundles' prefill (data/exchange/prefill.json, issue #19): each department reads
 * only the register fields its own item's form asks for, approved by the providing department. A prefill is offered
 * only while its grant is in force, and each read is the applicant's consented read, recorded for them.
 */
@Component
@Order(42)
class OneThingGrantsDemoData implements ApplicationRunner {

	/** consumer, resource, fields, purpose, legal basis (the provider is the resource's). */
	record Need(String consumer, String resource, List<String> fields, String purpose, String legalBasis) {
	}

	static final List<Need> NEEDS = List.of(
			new Need("XH-RLSB", "XH-GA-RK", List.of("name", "idNumber", "gender", "birthDate", "householdAddress"),
					"职工退休申请、丧葬补助金抚恤金申领核验身份和户籍（退休一件事、身后一件事）",
					"《中华人民共和国社会保险法》第十六条、第十七条；《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）"),
			new Need("XH-YB", "XH-RLSB-SB", List.of("name", "employer", "since", "status"), "退休人员医保待遇核定核验参保单位和参保时间（退休一件事）",
					"《中华人民共和国社会保险法》第二十七条；国发〔2024〕3号"),
			new Need("XH-JY", "XH-GHZY-BDC", List.of("name", "certificateNumber", "address"), "义务教育入学报名核验房产（教育入学一件事）",
					"《中华人民共和国义务教育法》第十二条；国发〔2024〕3号"),
			new Need("XH-CL", "XH-GA-RK", List.of("name", "idNumber", "householdAddress"), "残疾人证办理核验户籍（残疾人服务一件事）",
					"《中华人民共和国残疾人保障法》；国发〔2024〕3号"),
			new Need("XH-MZ", "XH-GA-RK", List.of("name", "idNumber", "birthDate", "householdAddress"), "老年人优待证办理核验年龄和户籍",
					"《中华人民共和国老年人权益保障法》；《浙江省优待老年人规定》"),
			new Need("XH-SW", "XH-SCJG-ZT", List.of("uscc", "name", "legalRepresentative"), "税务登记信息变更同步登记信息（企业信息变更一件事）",
					"《中华人民共和国税收征收管理法》第十六条；国发〔2024〕3号"),
			new Need("XH-ZJ", "XH-SCJG-ZT", List.of("uscc", "name", "legalRepresentative"), "占用、挖掘城市道路审批核验申请单位（水电气网联合报装一件事）",
					"《城市道路管理条例》第三十三条；国发〔2024〕3号"));

	private final DemoData demo;
	private final SharingGrants grants;

	OneThingGrantsDemoData(DemoData demo, SharingGrants grants) {
		this.demo = demo;
		this.grants = grants;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("exchange-one-thing", () -> {
			LocalDate until = LocalDate.now(Clocks.ZONE).plusYears(1);
			for (Need need : NEEDS) {
				grants.requestApproved(need.consumer(), need.resource(), need.fields(), need.purpose(), need.legalBasis(), until, "演示数据");
			}
		});
	}
}
