package tongban.proactive.opendata.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tongban.exchange.Reader;
import tongban.exchange.RegisterScan;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.proactive.opendata.Column;
import tongban.proactive.opendata.DatasetSource;
import tongban.proactive.opendata.Suppression;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * Datasets made from registers, read through {@link RegisterScan} as the district's data-opening office (区政府办公室,
 * standing in for the district's 公共数据主管部门 that 《浙江省公共数据开放与安全管理暂行办法》 makes responsible for opening), purpose 数据开放 and the dataset's version as reference,
 * so every record's read is recorded. Rows carry only fields the catalogue marks PUBLIC and never a person's name (a
 * legal representative is a person); aggregates over people are counts with small cells suppressed.
 */
@Configuration
class RegisterSources {

	/** Who reads registers for the portal. */
	static final Reader OPEN_DATA = new Reader("XH-ZFB", "open-data", null, null);
	static final String BUSINESS = "XH-SCJG-ZT";
	static final String POPULATION = "XH-GA-RK";
	/** The business register's fields published row by row: PUBLIC in the catalogue and not about a person. */
	static final List<String> BUSINESS_FIELDS = List.of("uscc", "name", "status", "establishedOn", "closedOn", "industry", "townshipCode");
	static final List<String> AGE_BANDS = List.of("0-17", "18-34", "35-59", "60-79", "80+");

	@Bean
	DatasetSource businessRegister(RegisterScan scan, ResourceCatalogue catalogue) {
		return DatasetSource.of("business-register", BUSINESS, List.of(new Column("uscc", "统一社会信用代码", "string", "", "GB 32100-2015 统一社会信用代码"),
						new Column("name", "名称", "string", "", "市场主体登记名称"), new Column("status", "登记状态", "string", "", "存续或注销"),
						new Column("establishedOn", "成立日期", "date", "", "ISO 8601 日期"), new Column("closedOn", "注销日期", "date", "", "注销的主体才有"),
						new Column("industry", "所属行业", "string", "", "GB/T 4754-2017 门类"),
						new Column("townshipCode", "所属街道（乡镇）代码", "string", "", "统计用区划代码前 9 位")), (reference, sink) -> {
			requirePublic(catalogue, BUSINESS, BUSINESS_FIELDS);
			scan.scan(OPEN_DATA, BUSINESS, BUSINESS_FIELDS, DatasetSource.PURPOSE, reference,
					row -> sink.accept(BUSINESS_FIELDS.stream().map(row::value).toList()));
		});
	}

	@Bean
	DatasetSource businessByIndustry(RegisterScan scan, ResourceCatalogue catalogue) {
		return DatasetSource.of("business-by-industry", null, List.of(new Column("industry", "所属行业", "string", "", "GB/T 4754-2017 门类；未登记行业的为“未详”"),
						new Column("townshipCode", "所属街道（乡镇）代码", "string", "", "统计用区划代码前 9 位"),
						new Column("status", "登记状态", "string", "", "存续或注销"), new Column("count", "市场主体数", "integer", "户", "该组合的市场主体户数")), (reference, sink) -> {
			List<String> fields = List.of("industry", "townshipCode", "status");
			requirePublic(catalogue, BUSINESS, fields);
			Map<List<String>, Long> counts = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
			scan.scan(OPEN_DATA, BUSINESS, fields, DatasetSource.PURPOSE, reference,
					row -> counts.merge(fields.stream().map(f -> row.value(f).isBlank() ? "未详" : row.value(f)).toList(), 1L, Long::sum));
			counts.forEach((key, count) -> {
				List<String> cells = new ArrayList<>(key);
				cells.add(Long.toString(count));
				sink.accept(cells);
			});
		});
	}

	@Bean
	DatasetSource residentsByAge(RegisterScan scan) {
		return DatasetSource.of("residents-by-age", null, List.of(new Column("ageBand", "年龄段", "string", "岁", "按统计日的周岁划分"), new Column("gender", "性别", "string", "", "男或女"),
						new Column("count", "户籍人口数", "integer", "人", "少于 5 人的格子显示为 <5；同一年龄段只有一个格子被隐藏时，另一个最小的格子也隐藏")), (reference, sink) -> {
			LocalDate today = LocalDate.now(Clocks.ZONE);
			Map<String, Long> counts = new TreeMap<>();
			scan.scan(OPEN_DATA, POPULATION, List.of("birthDate", "gender"), DatasetSource.PURPOSE, reference, row -> {
				if (row.value("birthDate").matches("\\d{4}-\\d{2}-\\d{2}")) {
					int age = Period.between(LocalDate.parse(row.value("birthDate")), today).getYears();
					counts.merge(band(age) + "|" + row.value("gender"), 1L, Long::sum);
				}
			});
			List<Suppression.Cell> cells = new ArrayList<>();
			for (String band : AGE_BANDS) {
				for (String gender : List.of("男", "女")) {
					cells.add(new Suppression.Cell(List.of(band, gender), counts.getOrDefault(band + "|" + gender, 0L)));
				}
			}
			Suppression.apply(cells, cell -> cell.key().getFirst()).forEach(sink);
		});
	}

	static String band(int age) {
		if (age < 18) {
			return "0-17";
		}
		if (age < 35) {
			return "18-34";
		}
		if (age < 60) {
			return "35-59";
		}
		return age < 80 ? "60-79" : "80+";
	}

	/** Refuses to publish a field the catalogue does not mark PUBLIC (or no longer has). */
	static void requirePublic(ResourceCatalogue catalogue, String resourceCode, List<String> fields) {
		Resource resource = catalogue.resource(resourceCode).orElseThrow(() -> DomainException.notFound("resource"));
		for (String field : fields) {
			if (!resource.field(field).map(f -> f.sensitivity().equals("PUBLIC")).orElse(false)) {
				throw new DomainException(DomainException.Kind.INVALID, "opendata-field-not-public", "not public: " + field, field);
			}
		}
	}
}
