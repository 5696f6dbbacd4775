package tongban.proactive.opendata.internal;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.exchange.ResourceOpenness;
import tongban.exchange.ResourceOpenness.OpenClass;
import tongban.exchange.SharingGrants;
import tongban.proactive.opendata.Dataset;
import tongban.proactive.opendata.DatasetGeneration;
import tongban.proactive.opendata.DatasetStatus;
import tongban.proactive.opendata.Datasets;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.DomainException;

/**
 * The demo portal: the business register 有条件开放 (its PUBLIC fields row by row, with an application), the population
 * register left 不予开放 but published as suppressed counts by age band and gender, companies by industry, township and
 * status, and the platform's own statistics (service items, 好差评 ratings, 12345 tickets, policies). The data-opening
 * office (区政府办公室) holds the grants it reads the registers under. Published after the other modules' demo data
 * (ratings and tickets come with insight's history at @Order(100)), outside the load's transaction since a register
 * scan commits page by page.
 */
@Component
@Order(110)
class OpenDataDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OpenDataDemoData.class);
	private static final String LOADER = "演示数据";

	private final DemoData demo;
	private final ResourceOpenness openness;
	private final SharingGrants grants;
	private final Datasets datasets;
	private final DatasetGeneration generation;

	OpenDataDemoData(DemoData demo, ResourceOpenness openness, SharingGrants grants, Datasets datasets, DatasetGeneration generation) {
		this.demo = demo;
		this.openness = openness;
		this.grants = grants;
		this.datasets = datasets;
		this.generation = generation;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("proactive-opendata", this::load);
		if (!demo.enabled()) {
			return;
		}
		for (Dataset dataset : demoDatasets()) {
			datasets.find(dataset.id()).filter(d -> d.status() == DatasetStatus.DRAFT).ifPresent(draft -> {
				try {
					datasets.publish(draft.id(), draft.publisher(), LOADER);
				}
				catch (DomainException e) {
					log.warn("demo dataset {} not published: {}", draft.id(), e.code());
				}
			});
		}
	}

	private void load() {
		openness.setOpenClass(RegisterSources.BUSINESS, OpenClass.CONDITIONAL, "XH-SCJG", LOADER);
		openness.setOpenClass(RegisterSources.POPULATION, OpenClass.NOT_OPEN, "XH-GA", LOADER);
		LocalDate until = LocalDate.now(Clocks.ZONE).plusYears(3);
		grants.requestGrant("XH-ZFB", RegisterSources.BUSINESS, RegisterSources.BUSINESS_FIELDS, "公共数据开放：市场主体登记可公开信息",
				"《浙江省公共数据条例》第五章；《浙江省公共数据开放与安全管理暂行办法》", until, LOADER);
		grants.requestApproved("XH-ZFB", RegisterSources.POPULATION, List.of("birthDate", "gender"),
				"公共数据开放：按年龄段和性别统计户籍人口（不开放个人记录）", "《浙江省公共数据条例》第五章", until, LOADER);
		demoDatasets().forEach(dataset -> datasets.define(dataset, LOADER));
	}

	static List<Dataset> demoDatasets() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		String spatial = "浙江省杭州市西湖区（330106）";
		return List.of(
				draft("xh-business-register", "西湖区市场主体登记信息", "西湖区市场主体的统一社会信用代码、名称、登记状态、成立和注销日期、所属行业和街道。"
						+ "不含法定代表人等个人信息。有条件开放：须申请，经区市场监管局同意后凭密钥通过接口获取。", "XH-SCJG", "经济建设",
						List.of("市场主体", "企业", "登记"), "DAILY", spatial, null, today, "business-register", "CONDITIONAL"),
				draft("xh-business-by-industry", "西湖区市场主体按行业、街道和状态统计", "按国民经济行业门类、所属街道和登记状态统计的市场主体户数。", "XH-SCJG", "经济建设",
						List.of("市场主体", "行业", "统计"), "MONTHLY", spatial, null, today, "business-by-industry", "UNCONDITIONAL"),
				draft("xh-residents-by-age", "西湖区户籍人口按年龄段和性别统计", "按年龄段和性别统计的户籍人口数。人口基础信息不予开放，只开放统计结果；少于 5 人的格子隐藏。",
						"XH-GA", "人口与社会", List.of("户籍人口", "年龄", "统计"), "MONTHLY", spatial, null, today, "residents-by-age", "UNCONDITIONAL"),
				draft("xh-service-items", "西湖区政务服务事项清单", "西湖区各部门在通办平台发布的政务服务事项：编码、名称、类型、实施部门、网办深度和到现场次数。", "XH-ZWFW",
						"政务服务", List.of("政务服务事项", "办事指南"), "WEEKLY", spatial, null, today, "service-items", "UNCONDITIONAL"),
				draft("xh-ratings-monthly", "西湖区政务服务“好差评”月度统计", "近十二个月各部门按评价等级统计的好差评数量（少于 5 条的格子隐藏）。", "XH-ZWFW", "政务服务",
						List.of("好差评", "满意度"), "MONTHLY", spatial, today.withDayOfMonth(1).minusMonths(11), today, "ratings-monthly", "UNCONDITIONAL"),
				draft("xh-hotline-tickets-monthly", "西湖区 12345 诉求按分类和区划月度统计", "近十二个月 12345 热线工单按诉求分类和街道（乡镇）统计的数量（少于 5 件的格子隐藏）。",
						"XH-ZFB", "城市管理", List.of("12345", "诉求", "热线"), "MONTHLY", spatial, today.withDayOfMonth(1).minusMonths(11), today,
						"hotline-tickets-monthly", "UNCONDITIONAL"),
				draft("xh-policies", "西湖区政策文件目录", "通办平台发布的政策文件：标题、文号、发布部门、主题、有效性、发布和施行日期。", "XH-ZFB", "政务公开",
						List.of("政策文件", "规范性文件"), "WEEKLY", spatial, null, today, "policies", "UNCONDITIONAL"));
	}

	private static Dataset draft(String id, String title, String description, String publisher, String theme, List<String> keywords,
			String frequency, String spatial, LocalDate from, LocalDate to, String source, String openClass) {
		return new Dataset(id, title, description, publisher, theme, keywords, frequency, Datasets.LICENCE, spatial, from, to, source, openClass,
				List.of(), DatasetStatus.DRAFT, 0, 0, null, null, null);
	}
}
