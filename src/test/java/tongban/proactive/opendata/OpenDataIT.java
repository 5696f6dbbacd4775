package tongban.proactive.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.ResourceOpenness;
import tongban.exchange.ResourceOpenness.OpenClass;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.support.IntegrationTest;

/**
 * The open-data portal end to end over HTTP: a conditional dataset's key is applied for, approved, collected, used and
 * refused once expired, revoked or shown to another dataset (401/403 problem+json); a withdrawn dataset's data is 404;
 * downloads are what they claim (CSV with its BOM, XLSX that opens); the DCAT catalogue expands as JSON-LD with the
 * expected types; and no published file or API answer holds personal data.
 */
class OpenDataIT extends IntegrationTest {

	private static final String DCAT = "http://www.w3.org/ns/dcat#";

	@Autowired
	Datasets datasets;

	@Autowired
	AccessApplications applications;

	@Autowired
	ApiKeys keys;

	@Autowired
	Usage usage;

	@Autowired
	ResourceOpenness openness;

	@Autowired
	PersonNames names;

	@Autowired
	DatasetRows rows;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	private Dataset define(String source, String publisher, String openClass) {
		String id = "it-" + source + "-" + UUID.randomUUID().toString().substring(0, 6);
		return datasets.define(new Dataset(id, "测试数据集 " + id, "测试用", publisher, "测试主题", List.of("测试"), "DAILY", Datasets.LICENCE, "西湖区", null,
				LocalDate.now(Clocks.ZONE), source, openClass, List.of(), DatasetStatus.DRAFT, 0, 0, null, null, null), "测试");
	}

	private HttpResponse<byte[]> get(String path, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (key != null) {
			request.header("X-API-Key", key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private void assertProblem(HttpResponse<byte[]> response, int status, String code) {
		assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json.readTree(text(response)).get("code").asString()).isEqualTo(code);
	}

	@Test
	void aConditionalDatasetsKeyIsAppliedForApprovedUsedAndRefusedAfterExpiry() throws Exception {
		openness.setOpenClass("XH-SCJG-ZT", OpenClass.CONDITIONAL, "XH-SCJG", "测试");
		Dataset unconditionalRows = define("business-register", "XH-SCJG", "UNCONDITIONAL");
		DomainException tooOpen = catchThrowableOfType(DomainException.class, () -> datasets.publish(unconditionalRows.id(), "XH-SCJG", "测试"));
		assertThat(tooOpen.code()).as("rows of a 有条件开放 register are not published 无条件").isEqualTo("opendata-not-open");

		Dataset dataset = define("business-register", "XH-SCJG", "CONDITIONAL");
		assertThat(catchThrowableOfType(DomainException.class, () -> datasets.publish(dataset.id(), "XH-GA", "测试")).kind())
			.as("another department's dataset is not found").isEqualTo(DomainException.Kind.NOT_FOUND);
		datasets.publish(dataset.id(), "XH-SCJG", "测试");
		Dataset published = datasets.served(dataset.id());
		assertThat(published.rowCount()).isPositive();
		assertThat(jdbc.sql("select count(*) from exchange_access where resource_code = 'XH-SCJG-ZT' and purpose = '数据开放' and case_number = ?")
			.param(published.reference(published.version()))
			.query(Long.class)
			.single()).as("every register record read is recorded with the dataset version").isEqualTo(published.rowCount());

		String path = "/api/open-data/datasets/" + dataset.id() + "/rows";
		assertProblem(get(path, null), 401, "opendata-key-missing");
		assertProblem(get(path, "od_not-a-key"), 401, "opendata-key-unknown");
		Citizen applicant = people.citizen("开放数据申请人", 2);
		String openKey = keys.issueOpen(applicant.id());
		assertProblem(get(path, openKey), 403, "opendata-key-not-allowed");
		assertProblem(get("/data/" + dataset.id() + "/download.csv", null), 403, "opendata-key-required");

		Object refused = applications.apply(dataset.id(), applicant.id(), applicant.name(), new AccessApplications.Form("", "研究", " ", "13"));
		assertThat(refused).isInstanceOfSatisfying(Map.class,
				problems -> assertThat(problems).containsOnlyKeys("purpose", "securityMeasures", "periodMonths"));
		var application = (AccessApplications.Application) applications.apply(dataset.id(), applicant.id(), applicant.name(),
				new AccessApplications.Form("研究餐饮业开业关停", "汇总分析，只发布汇总结果", "加密存放，仅课题组两人可见", "3"));
		assertThat(catchThrowableOfType(DomainException.class, () -> applications.approve(application.id(), "XH-GA", "别的部门")).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(catchThrowableOfType(DomainException.class, () -> applications.collectKey(applications.find(application.id()).orElseThrow())).code())
			.isEqualTo("opendata-application-not-approved");
		applications.approve(application.id(), "XH-SCJG", "市场监管管理员");
		assertThat(catchThrowableOfType(DomainException.class, () -> applications.refuse(application.id(), "XH-SCJG", "晚了", "市场监管管理员")).code())
			.isEqualTo("opendata-application-decided");
		String key = applications.collectKey(applications.ofApplicant(application.id(), applicant.id()));

		HttpResponse<byte[]> ok = get(path + "?page=1&size=5&status=" + URLEncoder.encode("存续", StandardCharsets.UTF_8), key);
		assertThat(ok.statusCode()).as(text(ok)).isEqualTo(200);
		JsonNode body = json.readTree(text(ok));
		assertThat(body.get("rows").size()).isBetween(1, 5);
		body.get("rows").forEach(row -> {
			assertThat(row.get("status").asString()).isEqualTo("存续");
			assertThat(row.has("legalRepresentative")).isFalse();
		});
		assertThat(names.scan().scanDocument(text(ok), "api")).isEmpty();
		assertThat(get("/data/" + dataset.id() + "/download.csv", key).statusCode()).isEqualTo(200);
		assertProblem(get(path + "?nosuch=1", key), 400, "opendata-filter");
		assertProblem(get(path + "?size=100000", key), 400, "opendata-size");
		assertProblem(get(path + "?page=-1", key), 400, "opendata-page");

		Dataset other = define("business-register", "XH-SCJG", "CONDITIONAL");
		datasets.publish(other.id(), "XH-SCJG", "测试");
		assertProblem(get("/api/open-data/datasets/" + other.id() + "/rows", key), 403, "opendata-key-wrong-dataset");

		jdbc.sql("update proactive_opendata_key set expires_at = now() - interval '1 second' where application_id = ?").param(application.id()).update();
		assertProblem(get(path, key), 401, "opendata-key-expired");
		String second = applications.collectKey(applications.ofApplicant(application.id(), applicant.id()));
		assertProblem(get(path, key), 403, "opendata-key-revoked");
		assertThat(get(path, second).statusCode()).as("a key collected again replaces the lost one").isEqualTo(200);

		usage.flush();
		assertThat(usage.of(dataset.id()).get(Usage.Kind.API)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyTheProvidersAdminSetsAResourcesOpenClass() {
		assertThat(catchThrowableOfType(DomainException.class, () -> openness.setOpenClass("XH-SCJG-ZT", OpenClass.UNCONDITIONAL, "XH-GA", "别人"))
			.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(catchThrowableOfType(DomainException.class, () -> openness.setOpenClass("XH-GA-FZ", OpenClass.CONDITIONAL, "XH-GA", "公安"))
			.code()).as("a register never shared is never opened").isEqualTo("exchange-open-class-not-shared");
		assertThat(openness.openClass("XH-GA-FZ")).contains(OpenClass.NOT_OPEN);
		openness.setOpenClass("XH-SCJG-ZT", OpenClass.CONDITIONAL, "XH-SCJG", "市场监管");
		assertThat(openness.openClasses()).containsEntry("XH-SCJG-ZT", OpenClass.CONDITIONAL);
	}

	@Test
	void downloadsAreWhatTheyClaimAndAWithdrawnDatasetIs404() throws Exception {
		Dataset dataset = define("residents-by-age", "XH-GA", "UNCONDITIONAL");
		datasets.publish(dataset.id(), "XH-GA", "测试");
		String base = "/data/" + dataset.id();

		HttpResponse<byte[]> csv = get(base + "/download.csv", null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()[0] & 0xFF).isEqualTo(0xEF);
		assertThat(csv.body()[1] & 0xFF).isEqualTo(0xBB);
		assertThat(csv.body()[2] & 0xFF).isEqualTo(0xBF);
		String[] lines = text(csv).substring(1).split("\r\n");
		assertThat(lines[0]).isEqualTo("ageBand,gender,count");
		assertThat(lines).hasSizeGreaterThan(5);
		for (int i = 1; i < lines.length; i++) {
			assertThat(lines[i]).matches("(0-17|18-34|35-59|60-79|80\\+),(男|女),(<5|[5-9]|[1-9]\\d+)");
		}

		HttpResponse<byte[]> xlsx = get(base + "/download.xlsx", null);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheet("数据").getRow(0).getCell(0).getStringCellValue()).isEqualTo("年龄段");
			assertThat(book.getSheet("数据").getLastRowNum()).isEqualTo(lines.length - 1);
			assertThat(book.getSheet("数据字典").getRow(1).getCell(0).getStringCellValue()).isEqualTo("ageBand");
		}
		HttpResponse<byte[]> page = get(base, null);
		assertThat(text(page)).contains(dataset.title());
		usage.flush();
		assertThat(usage.of(dataset.id())).containsEntry(Usage.Kind.CSV, 1L).containsEntry(Usage.Kind.XLSX, 1L).containsEntry(Usage.Kind.VIEW, 1L);

		datasets.withdraw(dataset.id(), "XH-GA", "数据口径调整", "测试");
		HttpResponse<byte[]> withdrawnPage = get(base, null);
		assertThat(withdrawnPage.statusCode()).isEqualTo(200);
		assertThat(text(withdrawnPage)).contains("data-testid=\"withdrawn\"");
		for (String format : List.of("csv", "json", "xlsx")) {
			assertThat(get(base + "/download." + format, null).statusCode()).as(format).isEqualTo(404);
		}
		assertProblem(get("/api/open-data/datasets/" + dataset.id() + "/rows", null), 404, "not-found");
		assertThat(get(base + ".jsonld", null).statusCode()).isEqualTo(404);
		assertThat(text(get("/data/catalog.jsonld", null))).doesNotContain(dataset.id());
		assertProblem(get("/api/open-data/datasets/no-such-dataset/rows", null), 404, "not-found");
		assertThat(get("/data/NO%00SUCH", null).statusCode()).isBetween(400, 404);
	}

	@Test
	void theDcatCatalogueExpandsAsJsonLdWithDatasetsAndDistributions() throws Exception {
		Dataset dataset = define("business-by-industry", "XH-SCJG", "UNCONDITIONAL");
		datasets.publish(dataset.id(), "XH-SCJG", "测试");
		HttpResponse<byte[]> catalog = get("/data/catalog.jsonld", null);
		assertThat(catalog.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
		JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(text(catalog)))).get();
		List<String> types = new ArrayList<>();
		List<String> datasetIds = new ArrayList<>();
		collect(expanded, types, datasetIds);
		assertThat(types).contains(DCAT + "Catalog", DCAT + "Dataset", DCAT + "Distribution", DCAT + "DataService");
		assertThat(datasetIds).anyMatch(id -> id.endsWith("/data/" + dataset.id()));

		JsonArray one = JsonLd.expand(JsonDocument.of(new StringReader(text(get("/data/" + dataset.id() + ".jsonld", null))))).get();
		JsonObject node = one.getJsonObject(0);
		assertThat(node.getJsonArray("@type").getString(0)).isEqualTo(DCAT + "Dataset");
		assertThat(node.getJsonArray("http://purl.org/dc/terms/title").getJsonObject(0).getString("@value")).isEqualTo(dataset.title());
		assertThat(node.getJsonArray(DCAT + "distribution")).hasSize(4);
		assertThat(node.getJsonArray("http://purl.org/dc/terms/license").getJsonObject(0).getString("@id")).isEqualTo(Datasets.LICENCE);
	}

	private static void collect(JsonValue value, List<String> types, List<String> datasetIds) {
		if (value instanceof JsonArray array) {
			array.forEach(item -> collect(item, types, datasetIds));
		}
		else if (value instanceof JsonObject object) {
			if (object.get("@type") instanceof JsonArray typeList) {
				typeList.forEach(type -> types.add(((JsonString) type).getString()));
				if (typeList.toString().contains(DCAT + "Dataset")) {
					datasetIds.add(object.getString("@id"));
				}
			}
			object.values().forEach(item -> collect(item, types, datasetIds));
		}
	}

	/** Every published dataset's files and first API page: no ID number, mobile number or known name. */
	@Test
	void noPublishedFileOrApiAnswerHoldsPersonalData() throws Exception {
		define("residents-by-age", "XH-GA", "UNCONDITIONAL");
		Dataset mine = define("business-by-industry", "XH-SCJG", "UNCONDITIONAL");
		datasets.publish(mine.id(), "XH-SCJG", "测试");
		PrivacyScan scan = names.scan();
		List<Dataset> published = datasets.published(new Datasets.Filter(null, null, null, null, null));
		assertThat(published).extracting(Dataset::id).contains(mine.id());
		List<PrivacyScan.Finding> found = new ArrayList<>();
		for (Dataset dataset : published) {
			if (dataset.conditional()) {
				found.addAll(conditionalRows(dataset, scan));
				continue;
			}
			for (String format : List.of("csv", "json")) {
				HttpResponse<byte[]> file = get("/data/" + dataset.id() + "/download." + format, null);
				assertThat(file.statusCode()).isEqualTo(200);
				found.addAll(scan.scanDocument(text(file), dataset.id() + "." + format));
			}
			HttpResponse<byte[]> xlsx = get("/data/" + dataset.id() + "/download.xlsx", null);
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
				DataFormatter formatter = new DataFormatter();
				for (Sheet sheet : book) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							found.addAll(scan.scan(formatter.formatCellValue(cell), dataset.id() + ".xlsx"));
						}
					}
				}
			}
			found.addAll(scan.scanDocument(text(get("/api/open-data/datasets/" + dataset.id() + "/rows?size=1000", null)), dataset.id() + " api"));
		}
		assertThat(found).isEmpty();
	}

	/** A conditional dataset's rows are served only with a key: the scan reads them as the API would serve them. */
	private List<PrivacyScan.Finding> conditionalRows(Dataset dataset, PrivacyScan scan) {
		List<PrivacyScan.Finding> found = new ArrayList<>();
		rows.forEach(dataset.id(), dataset.version(), cells -> cells.forEach(cell -> found.addAll(scan.scan(cell, dataset.id()))));
		return found;
	}
}
