package tongban.proactive.lifeevents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.IdNumber;

/**
 * Demo of 为您推荐: the grants the platform's own reader (政务服务中心, system "proactive") needs for the life-event
 * rules, and a birth entered in the birth register, a son of 李娜 and 王小明 born ten days ago, so both parents see the
 * 新生儿出生一件事 recommendation at once (the register change is evaluated after the demo data commits).
 */
@Component
@Order(60)
class LifeEventsDemoData implements ApplicationRunner {

	static final String LI_NA = "33010619920808002" + IdNumber.checkCharacter("33010619920808002");
	static final String WANG_XIAOMING = "33010619900101001" + IdNumber.checkCharacter("33010619900101001");
	static final String CERTIFICATE = "Q330106260001";

	private final DemoData demo;
	private final SharingGrants grants;
	private final ResourceCatalogue catalogue;

	LifeEventsDemoData(DemoData demo, SharingGrants grants, ResourceCatalogue catalogue) {
		this.demo = demo;
		this.grants = grants;
		this.catalogue = catalogue;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("proactive-lifeevents", this::load);
	}

	private void load() {
		platformReads(grants);
		LocalDate born = LocalDate.now(Clocks.ZONE).minusDays(10);
		catalogue.putRecord("XH-WJ-CS", CERTIFICATE, Map.of("certificateNumber", CERTIFICATE, "childName", "王小宝", "gender", "男", "birthDate",
				born.toString(), "birthPlace", "浙江省杭州市西湖区妇幼保健院", "motherName", "李娜", "motherIdNumber", LI_NA, "fatherName", "王小明",
				"fatherIdNumber", WANG_XIAOMING));
	}

	/** The grants the seeded rules need: the birth register, the population register, the business register. */
	static void platformReads(SharingGrants grants) {
		grant(grants, "XH-WJ-CS", List.of("certificateNumber", "childName", "gender", "birthDate", "birthPlace", "motherName", "motherIdNumber",
				"fatherName", "fatherIdNumber"));
		grant(grants, "XH-GA-RK", List.of("name", "gender", "birthDate"));
		grant(grants, "XH-SCJG-ZT", List.of("uscc", "name", "status", "establishedOn"));
	}

	/**
	 * Asks the provider's register for the platform's own reads for 主动服务 and approves it as the provider (无条件共享
	 * is granted at once).
	 */
	static void grant(SharingGrants grants, String resource, List<String> fields) {
		grants.requestApproved(LifeEvents.READER.departmentCode(), resource, fields, LifeEvents.PURPOSE + "：生活事件推荐",
				"《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》（国发〔2018〕27号）", LocalDate.now(Clocks.ZONE).plusYears(1), "演示数据");
	}
}
