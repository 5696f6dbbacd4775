package tongban.proactive.opendata;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tongban.shared.Clocks;

/**
 * The portal's catalogue as DCAT 3 (W3C Recommendation, 2024) JSON-LD in the DCAT-AP 3 profile: a {@code dcat:Catalog}
 * of {@code dcat:Dataset}s, each with {@code dct:title}, {@code dct:description}, {@code dct:publisher} (a
 * {@code foaf:Agent}), {@code dcat:theme}, {@code dcat:keyword}, {@code dct:accrualPeriodicity} (the EU frequency
 * vocabulary), {@code dct:license}, {@code dct:spatial}, {@code dct:temporal} (a {@code dct:PeriodOfTime}),
 * {@code dct:issued}/{@code dct:modified}, {@code dct:accessRights} (the EU access-right vocabulary: PUBLIC for
 * 无条件开放, RESTRICTED for 有条件开放) and its {@code dcat:Distribution}s (CSV, JSON, XLSX files and the API as a
 * {@code dcat:DataService}). The context is written inline, so a processor needs no network to expand it.
 */
public final class Dcat {

	private static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
	private static final String ACCESS = "http://publications.europa.eu/resource/authority/access-right/";
	private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	private Dcat() {
	}

	/** The inline JSON-LD context. */
	public static Map<String, Object> context() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("dcat", "http://www.w3.org/ns/dcat#");
		context.put("dct", "http://purl.org/dc/terms/");
		context.put("foaf", "http://xmlns.com/foaf/0.1/");
		context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
		context.put("csvw", "http://www.w3.org/ns/csvw#");
		context.put("@language", "zh-CN");
		return context;
	}

	/** The whole catalogue of published datasets. */
	public static Map<String, Object> catalog(String base, List<Dataset> datasets, Map<String, String> departmentNames) {
		Map<String, Object> catalog = new LinkedHashMap<>();
		catalog.put("@context", context());
		catalog.put("@id", base + "/data/catalog.jsonld");
		catalog.put("@type", "dcat:Catalog");
		catalog.put("dct:title", "西湖区公共数据开放目录");
		catalog.put("dct:description", "杭州市西湖区通办平台开放的公共数据集：登记信息中可公开的字段、人口统计（小格子隐藏）与平台的服务统计。");
		catalog.put("dct:publisher", agent(base, "XH-ZFB", departmentNames));
		catalog.put("dct:license", id(Datasets.LICENCE));
		catalog.put("foaf:homepage", id(base + "/data"));
		List<Object> entries = new ArrayList<>();
		for (Dataset dataset : datasets) {
			Map<String, Object> entry = dataset(base, dataset, departmentNames);
			entries.add(entry);
		}
		catalog.put("dcat:dataset", entries);
		return catalog;
	}

	/** One dataset as a document of its own. */
	public static Map<String, Object> document(String base, Dataset dataset, Map<String, String> departmentNames) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("@context", context());
		document.putAll(dataset(base, dataset, departmentNames));
		return document;
	}

	private static Map<String, Object> dataset(String base, Dataset dataset, Map<String, String> departmentNames) {
		String page = base + "/data/" + dataset.id();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("@id", page);
		out.put("@type", "dcat:Dataset");
		out.put("dct:identifier", dataset.id());
		out.put("dct:title", dataset.title());
		out.put("dct:description", dataset.description());
		out.put("dct:publisher", agent(base, dataset.publisher(), departmentNames));
		out.put("dcat:theme", dataset.theme());
		out.put("dcat:keyword", dataset.keywords());
		out.put("dct:accrualPeriodicity", id(FREQUENCY + dataset.updateFrequency()));
		out.put("dct:license", id(dataset.licence()));
		out.put("dct:accessRights", id(ACCESS + (dataset.conditional() ? "RESTRICTED" : "PUBLIC")));
		out.put("dct:spatial", dataset.spatial());
		if (dataset.temporalFrom() != null || dataset.temporalTo() != null) {
			Map<String, Object> period = new LinkedHashMap<>();
			period.put("@type", "dct:PeriodOfTime");
			if (dataset.temporalFrom() != null) {
				period.put("dcat:startDate", typed(dataset.temporalFrom().toString(), "xsd:date"));
			}
			if (dataset.temporalTo() != null) {
				period.put("dcat:endDate", typed(dataset.temporalTo().toString(), "xsd:date"));
			}
			out.put("dct:temporal", period);
		}
		if (dataset.issuedAt() != null) {
			out.put("dct:issued", typed(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dataset.issuedAt().atZone(Clocks.ZONE)), "xsd:dateTime"));
		}
		if (dataset.modifiedAt() != null) {
			out.put("dct:modified", typed(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dataset.modifiedAt().atZone(Clocks.ZONE)), "xsd:dateTime"));
		}
		out.put("dcat:landingPage", id(page));
		List<Object> distributions = new ArrayList<>();
		for (TableWriter.Format format : TableWriter.Format.values()) {
			Map<String, Object> distribution = new LinkedHashMap<>();
			distribution.put("@id", page + "#" + format.extension());
			distribution.put("@type", "dcat:Distribution");
			distribution.put("dct:title", dataset.title() + "（" + format.name() + "）");
			distribution.put("dcat:downloadURL", id(page + "/download." + format.extension()));
			distribution.put("dcat:accessURL", id(page + "/download." + format.extension()));
			distribution.put("dcat:mediaType", id("https://www.iana.org/assignments/media-types/" + format.mediaType().replaceFirst(";.*", "")));
			distribution.put("dct:format", id(FILE_TYPE + format.name()));
			distribution.put("dct:license", id(dataset.licence()));
			distributions.add(distribution);
		}
		Map<String, Object> api = new LinkedHashMap<>();
		api.put("@id", page + "#api");
		api.put("@type", "dcat:Distribution");
		api.put("dct:title", dataset.title() + "（API）");
		api.put("dcat:accessURL", id(base + "/api/open-data/datasets/" + dataset.id() + "/rows"));
		api.put("dcat:mediaType", id("https://www.iana.org/assignments/media-types/application/json"));
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("@type", "dcat:DataService");
		service.put("dcat:endpointURL", id(base + "/api/open-data/datasets/" + dataset.id() + "/rows"));
		service.put("dcat:endpointDescription", id(base + "/v3/api-docs"));
		api.put("dcat:accessService", service);
		distributions.add(api);
		out.put("dcat:distribution", distributions);
		List<Object> columns = new ArrayList<>();
		for (Column column : dataset.columns()) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("@type", "csvw:Column");
			c.put("csvw:name", column.name());
			c.put("csvw:title", column.label());
			c.put("csvw:datatype", column.type());
			c.put("dct:description", column.description() + (column.unit().isEmpty() ? "" : "（单位：" + column.unit() + "）"));
			columns.add(c);
		}
		out.put("csvw:column", columns);
		return out;
	}

	private static Map<String, Object> agent(String base, String departmentCode, Map<String, String> departmentNames) {
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("@id", base + "/departments#" + departmentCode);
		agent.put("@type", "foaf:Agent");
		agent.put("foaf:name", departmentNames.getOrDefault(departmentCode, departmentCode));
		return agent;
	}

	private static Map<String, Object> id(String iri) {
		return Map.of("@id", iri);
	}

	private static Map<String, Object> typed(String value, String type) {
		Map<String, Object> literal = new LinkedHashMap<>();
		literal.put("@value", value);
		literal.put("@type", type);
		return literal;
	}
}
