package tongban.proactive.opendata.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.directory.DirectoryManagement;
import tongban.feedback.RatingFacts;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.TicketCounts;
import tongban.openness.PublishedPolicies;
import tongban.proactive.opendata.Column;
import tongban.proactive.opendata.DatasetSource;
import tongban.proactive.opendata.Suppression;
import tongban.shared.Clocks;

/**
 * Datasets made from the platform's own statistics, through the other modules' root APIs: the published service items
 * (catalog), 好差评 ratings per department, month and level (feedback), 12345 tickets per month, category and region
 * (hotline) and the published policy documents (openness). Counts of what people did (ratings, tickets) are suppressed
 * under five like counts of people.
 */
@Configuration
class PlatformSources {

	private static final int MONTHS = 12;

	@Bean
	DatasetSource serviceItems(CatalogManagement catalog, DirectoryManagement directory) {
		return DatasetSource.of("service-items", null, List.of(new Column("code", "事项编码", "string", "", "实施清单编码"), new Column("name", "事项名称", "string", "", ""),
						new Column("type", "事项类型", "string", "", "XK 行政许可、GF 行政给付、QR 行政确认、GG 公共服务等"),
						new Column("department", "实施部门", "string", "", ""), new Column("onlineDepth", "网办深度", "integer", "级", "1 至 4 级，4 级为全程网办"),
						new Column("requiredVisits", "到现场次数", "integer", "次", "")), (reference, sink) -> {
			Map<String, String> names = directory.departmentNames();
			int pageNo = 0;
			Page<ItemSummary> page;
			do {
				page = catalog.browse(ItemFilter.any(), PageRequest.of(pageNo++, 200));
				page.forEach(item -> sink.accept(List.of(item.code(), item.name(), item.type(),
						names.getOrDefault(item.departmentCode(), item.departmentCode()), Integer.toString(item.onlineDepth()),
						Integer.toString(item.requiredVisits()))));
			}
			while (page.hasNext());
		});
	}

	@Bean
	DatasetSource ratingsMonthly(RatingFacts ratings, DirectoryManagement directory) {
		return DatasetSource.of("ratings-monthly", null, List.of(new Column("month", "月份", "month", "", "评价的月份（北京时间）"), new Column("department", "部门", "string", "", ""),
						new Column("level", "评价等级", "string", "", "非常满意、满意、基本满意、不满意、非常不满意"),
						new Column("count", "评价数", "integer", "条", "计入统计的评价；少于 5 条显示为 <5")), (reference, sink) -> {
			Map<String, String> names = directory.departmentNames();
			LocalDate today = LocalDate.now(Clocks.ZONE);
			Map<String, Long> counts = new TreeMap<>();
			ratings.forEach(YearMonth.from(today).minusMonths(MONTHS - 1).atDay(1), today, fact -> {
				if (fact.counted()) {
					counts.merge(YearMonth.from(fact.day()) + "|" + names.getOrDefault(fact.departmentCode(), fact.departmentCode()) + "|"
							+ label(fact.level().value()), 1L, Long::sum);
				}
			});
			List<Suppression.Cell> cells = new ArrayList<>();
			counts.forEach((key, count) -> cells.add(new Suppression.Cell(List.of(key.split("\\|")), count)));
			Suppression.apply(cells, cell -> cell.key().get(0) + "|" + cell.key().get(1)).forEach(sink);
		});
	}

	static String label(int level) {
		return switch (level) {
			case 5 -> "非常满意";
			case 4 -> "满意";
			case 3 -> "基本满意";
			case 2 -> "不满意";
			default -> "非常不满意";
		};
	}

	@Bean
	DatasetSource hotlineTickets(TicketCounts tickets, HotlineCatalogue categories, DirectoryManagement directory) {
		return DatasetSource.of("hotline-tickets-monthly", null, List.of(new Column("month", "月份", "month", "", "受理的月份（北京时间）"), new Column("category", "诉求分类", "string", "", "12345 诉求分类"),
						new Column("regionCode", "区划代码", "string", "", "街道（乡镇）或区县代码"), new Column("region", "区划名称", "string", "", ""),
						new Column("count", "工单数", "integer", "件", "少于 5 件显示为 <5；同一月份和区划只有一个格子被隐藏时，另一个最小的格子也隐藏")), (reference, sink) -> {
			Map<String, String> names = categories.names();
			YearMonth now = YearMonth.now(Clocks.ZONE);
			List<Suppression.Cell> cells = tickets.monthly(now.minusMonths(MONTHS - 1), now)
				.stream()
				.map(c -> new Suppression.Cell(List.of(c.month().toString(), names.getOrDefault(c.categoryCode(), c.categoryCode()), c.regionCode(),
						directory.region(c.regionCode()).map(r -> r.name()).orElse("")), c.count()))
				.toList();
			Suppression.apply(cells, cell -> cell.key().get(0) + "|" + cell.key().get(2)).forEach(sink);
		});
	}

	@Bean
	DatasetSource policies(PublishedPolicies policies, DirectoryManagement directory) {
		return DatasetSource.of("policies", null, List.of(new Column("title", "标题", "string", "", ""), new Column("docNumber", "文号", "string", "", ""),
						new Column("department", "发布部门", "string", "", ""), new Column("topic", "主题", "string", "", ""),
						new Column("validity", "有效性", "string", "", "VALID 有效、AMENDED 已修订、REPEALED 已废止等"),
						new Column("publishedOn", "发布日期", "date", "", ""), new Column("effectiveOn", "施行日期", "date", "", "")), (reference, sink) -> {
			Map<String, String> names = directory.departmentNames();
			policies.forEach(p -> sink.accept(List.of(text(p.title()), text(p.docNumber()), names.getOrDefault(p.departmentCode(), text(p.departmentCode())),
					text(p.topic()), text(p.validity()), p.publishedOn() == null ? "" : p.publishedOn().toString(),
					p.effectiveOn() == null ? "" : p.effectiveOn().toString())));
		});
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
