package tongban.insight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.insight.Measure;
import tongban.insight.internal.DailyMeasures;
import tongban.shared.Clocks;
import tongban.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * /api/indicators and /performance over figures set up by hand in July 2019 (a month no other test uses): the rows are
 * the hand-counted figures, the CSV carries the same rows, every bad parameter is 400 problem+json naming it, and the
 * public page shows the API's numbers.
 */
class IndicatorApiIT extends IntegrationTest {

	static final String MONTH = "2019-07";
	static final String BUILDING = "330106-XK-0009-01";
	static final String FIRE = "330106-XK-0010-01";
	static final String FOOD = "330106-XK-0001-01";

	@Autowired
	DailyMeasures daily;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * 区住建局 (XH-ZJ): 建筑工程施工许可 in 蒋村街道 8 concluded, 6 on time, 2 overdue, 12 visits against 8 declared, 10
	 * submitted of which 7 online; 消防验收 in 西湖区 4 concluded, all on time, 4 visits declared and measured. 区市场监管局
	 * (XH-SCJG): 食品经营许可 in 西湖区 5 concluded, 5 on time; in 上城区 (330102) 3 concluded, 1 on time.
	 */
	@BeforeAll
	void figures() {
		LocalDate early = LocalDate.of(2019, 7, 10);
		LocalDate late = LocalDate.of(2019, 7, 20);
		add(early, "XH-ZJ", "330106011", BUILDING, Map.of(Measure.CASES_CONCLUDED, 5L, Measure.CASES_ON_TIME, 4L, Measure.CASES_OVERDUE, 1L,
				Measure.VISITS, 8L, Measure.VISITS_DECLARED, 5L, Measure.CASES_SUBMITTED, 6L, Measure.CASES_ONLINE, 4L));
		add(late, "XH-ZJ", "330106011", BUILDING, Map.of(Measure.CASES_CONCLUDED, 3L, Measure.CASES_ON_TIME, 2L, Measure.CASES_OVERDUE, 1L,
				Measure.VISITS, 4L, Measure.VISITS_DECLARED, 3L, Measure.CASES_SUBMITTED, 4L, Measure.CASES_ONLINE, 3L));
		add(late, "XH-ZJ", "330106", FIRE, Map.of(Measure.CASES_CONCLUDED, 4L, Measure.CASES_ON_TIME, 4L, Measure.VISITS, 4L,
				Measure.VISITS_DECLARED, 4L));
		add(early, "XH-SCJG", "330106", FOOD, Map.of(Measure.CASES_CONCLUDED, 5L, Measure.CASES_ON_TIME, 5L));
		add(late, "XH-SCJG", "330102", FOOD, Map.of(Measure.CASES_CONCLUDED, 3L, Measure.CASES_ON_TIME, 1L, Measure.CASES_OVERDUE, 2L));
	}

	private void add(LocalDate day, String department, String region, String item, Map<Measure, Long> figures) {
		figures.forEach((measure, value) -> daily.add(day, department, region, item, measure, value));
	}

	@Test
	void rowsAreTheFiguresCountedByHand() throws Exception {
		List<Map<String, Object>> rows = rows("/api/indicators?indicator=on-time-rate&indicator=overdue-cases&month=" + MONTH + "&by=department");
		assertThat(row(rows, "on-time-rate", "XH-ZJ")).containsEntry("numerator", 10).containsEntry("denominator", 12)
			.containsEntry("label", "按时办结率").containsEntry("keyLabel", "杭州市西湖区住房和城乡建设局");
		assertThat((Double) row(rows, "on-time-rate", "XH-ZJ").get("value")).isEqualTo(10.0 / 12);
		assertThat((Double) row(rows, "on-time-rate", "XH-SCJG").get("value")).isEqualTo(6.0 / 8);
		assertThat(row(rows, "overdue-cases", "XH-ZJ")).containsEntry("numerator", 2).containsEntry("denominator", null)
			.containsEntry("value", 2.0);

		List<Map<String, Object>> inDistrict = rows("/api/indicators?indicator=on-time-rate&region=330106&from=2019-07-01&to=2019-07-31&by=department");
		assertThat((Double) row(inDistrict, "on-time-rate", "XH-SCJG").get("value")).as("上城区's 3 cases are outside 西湖区").isEqualTo(1.0);

		List<Map<String, Object>> visits = rows("/api/indicators?indicator=visits-per-case&indicator=declared-visits-per-case&department=XH-ZJ&month="
				+ MONTH + "&by=item");
		assertThat((Double) row(visits, "visits-per-case", BUILDING).get("value")).isEqualTo(1.5);
		assertThat((Double) row(visits, "declared-visits-per-case", BUILDING).get("value")).isEqualTo(1.0);
		assertThat(row(visits, "visits-per-case", BUILDING)).containsEntry("keyLabel", "建筑工程施工许可证核发");

		List<Map<String, Object>> byDay = rows("/api/indicators?indicator=online-rate&item=" + BUILDING + "&month=" + MONTH + "&by=day");
		assertThat(byDay).extracting(r -> r.get("key")).containsExactly("2019-07-10", "2019-07-20");

		HttpResponse<String> openApi = http.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.ofString());
		assertThat(openApi.body()).as("in the OpenAPI document").contains("\"/api/indicators\"").contains("IndicatorReport");
		assertThat((Double) row(byDay, "online-rate", "2019-07-10").get("value")).isEqualTo(4.0 / 6);
	}

	@Test
	void csvCarriesTheSameRows() throws Exception {
		String query = "/api/indicators?month=" + MONTH + "&by=department&region=330106";
		HttpResponse<byte[]> csv = http.send(get(query + "&format=csv"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		byte[] body = csv.body();
		assertThat(new byte[] { body[0], body[1], body[2] }).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
		List<List<String>> records = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
		assertThat(records.getFirst()).containsExactly("indicator", "label", "key", "key_label", "numerator", "denominator", "value");
		List<Map<String, Object>> rows = rows(query);
		assertThat(records).hasSize(rows.size() + 1);
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			List<String> record = records.get(i + 1);
			assertThat(record.subList(0, 5)).containsExactly((String) row.get("indicator"), (String) row.get("label"), (String) row.get("key"),
					(String) row.get("keyLabel"), row.get("numerator").toString());
			assertThat(record.get(5)).isEqualTo(row.get("denominator") == null ? "" : row.get("denominator").toString());
			assertThat(record.get(6).isEmpty() ? null : Double.valueOf(record.get(6))).isEqualTo(row.get("value"));
		}
		assertThat(records).anySatisfy(r -> assertThat(r).startsWith("on-time-rate", "按时办结率", "XH-ZJ", "杭州市西湖区住房和城乡建设局", "10", "12"));
	}

	@Test
	void badParametersAre400NamingThem() throws Exception {
		String future = YearMonth.now(Clocks.ZONE).plusMonths(1).toString();
		Map<String, String> cases = Map.ofEntries(Map.entry("indicator=no-such-rate", "indicator"), Map.entry("department=XH-NOPE", "department"),
				Map.entry("region=999999", "region"), Map.entry("item=330106-XX-9999-99", "item"), Map.entry("month=" + future, "month"),
				Map.entry("from=2019-07-31&to=2019-07-01", "to"), Map.entry("from=2019-07-01&to=" + LocalDate.now(Clocks.ZONE).plusDays(1), "to"),
				Map.entry("month=2019-13", "month"), Map.entry("from=2019-02-30&to=2019-03-01", "from"), Map.entry("by=week", "by"),
				Map.entry("format=xml", "format"), Map.entry("month=2019-07&from=2019-07-01&to=2019-07-02", "month"),
				Map.entry("from=2019-07-01", "to"), Map.entry("region=" + "3".repeat(5000), "region"));
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			HttpResponse<String> answer = http.send(get("/api/indicators?" + bad.getKey()), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).as(bad.getKey()).startsWith("application/problem+json");
			Map<?, ?> problem = json.readValue(answer.body(), Map.class);
			assertThat(problem.get("parameter")).as(bad.getKey()).isEqualTo(bad.getValue());
			assertThat((String) problem.get("title")).as(bad.getKey()).isNotBlank();
		}
		HttpResponse<String> unknown = http.send(get("/api/indicators?department=XH-NOPE"), HttpResponse.BodyHandlers.ofString());
		assertThat(json.readValue(unknown.body(), Map.class)).containsEntry("value", "XH-NOPE").containsEntry("title", "没有部门「XH-NOPE」");
		for (String control : List.of("region=3301%0006", "department=XH%01ZJ", "item=%7F")) {
			HttpResponse<String> answer = http.send(get("/api/indicators?" + control), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(control).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		}
	}

	@Test
	void performancePageShowsTheApisNumbers() throws Exception {
		HttpResponse<String> page = http.send(get("/performance?month=" + MONTH), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		String table = between(page.body(), "data-testid=\"performance-departments\"", "</table>");
		List<Map<String, Object>> rows = rows("/api/indicators?indicator=online-rate&indicator=on-time-rate&indicator=overdue-cases&month=" + MONTH
				+ "&by=department");
		int compared = 0;
		for (Map<String, Object> row : rows) {
			String line = between(table, "data-key=\"" + row.get("key") + "\"", "</tr>");
			Matcher cell = Pattern.compile("data-indicator=\"" + row.get("indicator") + "\"(?: data-value=\"([^\"]*)\")?").matcher(line);
			assertThat(cell.find()).as(row.toString()).isTrue();
			assertThat(cell.group(1) == null || cell.group(1).isEmpty() ? null : Double.valueOf(cell.group(1))).as(row.toString()).isEqualTo(row.get("value"));
			compared++;
		}
		assertThat(compared).isGreaterThanOrEqualTo(6);
		assertThat(table).contains("83.33%").contains("75.00%");
		assertThat(page.body()).contains("/api/indicators?indicator=online-rate").contains("format=csv");

		HttpResponse<String> future = http.send(get("/performance?month=2999-01"), HttpResponse.BodyHandlers.ofString());
		assertThat(future.statusCode()).isEqualTo(200);
		assertThat(future.body()).contains("data-testid=\"error-summary\"").contains("id=\"month-error\"").contains("<title>错误：");
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(url(path))).GET().build();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> rows(String path) throws Exception {
		HttpResponse<String> answer = http.send(get(path), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return (List<Map<String, Object>>) json.readValue(answer.body(), Map.class).get("rows");
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String indicator, String key) {
		return rows.stream().filter(r -> indicator.equals(r.get("indicator")) && key.equals(r.get("key"))).findFirst()
			.orElseThrow(() -> new AssertionError("no row " + indicator + " " + key + " in " + rows));
	}

	static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("「" + start + "」 on the page").isGreaterThanOrEqualTo(0);
		int to = text.indexOf(end, from);
		return text.substring(from, to < 0 ? text.length() : to);
	}

	/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		return records;
	}
}
