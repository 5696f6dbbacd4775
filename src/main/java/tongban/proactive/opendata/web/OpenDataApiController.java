package tongban.proactive.opendata.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import tongban.proactive.opendata.ApiKeys;
import tongban.proactive.opendata.Column;
import tongban.proactive.opendata.Dataset;
import tongban.proactive.opendata.DatasetRows;
import tongban.proactive.opendata.Datasets;
import tongban.proactive.opendata.Usage;
import tongban.shared.AttemptLimits;
import tongban.shared.web.Problems;

/**
 * The open-data API: a dataset's rows a page at a time, filtered by columns. A 有条件开放 dataset needs the key its
 * approved application issued (header {@code X-API-Key}); a 无条件开放 one takes none or a self-service key. Refusals
 * are problem+json: 401 without a key, with an unknown or expired one; 403 with a revoked key, a key of another dataset or
 * a self-service key on a conditional dataset; 404 for a dataset not published; 400 for a page, size or filter it cannot
 * serve; 429 over 600 calls a minute per key (or per address without one).
 */
@RestController
@Tag(name = "open-data", description = "数据开放接口")
class OpenDataApiController {

	static final AttemptLimits.Limit RATE = new AttemptLimits.Limit("opendata-api", 600, Duration.ofMinutes(1));

	private final Datasets datasets;
	private final DatasetRows rows;
	private final ApiKeys keys;
	private final Usage usage;
	private final Problems problems;
	private final AttemptLimits limits;

	OpenDataApiController(Datasets datasets, DatasetRows rows, ApiKeys keys, Usage usage, Problems problems, AttemptLimits limits) {
		this.datasets = datasets;
		this.rows = rows;
		this.keys = keys;
		this.usage = usage;
		this.problems = problems;
		this.limits = limits;
	}

	@Operation(summary = "数据集的数据行（分页，可按列筛选）",
			description = "page 从 1 开始，size 1–1000（默认 100）；其他查询参数按列名精确筛选，如 ?status=存续。有条件开放的数据集须在请求头 X-API-Key 中带上审批后发放的密钥。")
	@GetMapping(value = "/api/open-data/datasets/{id}/rows", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> rows(@PathVariable String id, @RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "100") String size,
			@Parameter(description = "列名=值 的筛选") @RequestParam Map<String, String> query,
			@RequestHeader(name = "X-API-Key", required = false) String apiKey, HttpServletRequest request) {
		Dataset dataset = datasets.served(id);
		ApiKeys.Check check = keys.check(apiKey, dataset);
		if (check != ApiKeys.Check.OK) {
			HttpStatus status = switch (check) {
				case MISSING, UNKNOWN, EXPIRED -> HttpStatus.UNAUTHORIZED;
				default -> HttpStatus.FORBIDDEN;
			};
			return problem(request, status, "opendata-key-" + check.name().toLowerCase().replace('_', '-'));
		}
		String limitKey = apiKey == null || apiKey.isBlank() ? "ip:" + request.getRemoteAddr() : "key:" + ApiKeys.hash(apiKey.strip());
		if (limits.tryAcquire(RATE, limitKey).isPresent()) {
			return problem(request, HttpStatus.TOO_MANY_REQUESTS, "opendata-rate-limited");
		}
		if (!page.matches("\\d{1,6}") || Integer.parseInt(page) < 1) {
			return problem(request, HttpStatus.BAD_REQUEST, "opendata-page");
		}
		if (!size.matches("\\d{1,4}") || Integer.parseInt(size) < 1 || Integer.parseInt(size) > 1000) {
			return problem(request, HttpStatus.BAD_REQUEST, "opendata-size");
		}
		List<DatasetRows.Filter> filters = new ArrayList<>();
		for (Map.Entry<String, String> param : query.entrySet()) {
			if (param.getKey().equals("page") || param.getKey().equals("size")) {
				continue;
			}
			int column = dataset.columnIndex(param.getKey());
			if (column < 0) {
				ProblemDetail p = problems.of(request, HttpStatus.BAD_REQUEST, "opendata-filter", null);
				p.setProperty("errors", Map.of(param.getKey().length() > 40 ? param.getKey().substring(0, 40) : param.getKey(), "no such column"));
				return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
			}
			filters.add(new DatasetRows.Filter(column, param.getValue()));
		}
		DatasetRows.Page found = rows.page(dataset.id(), dataset.version(), filters, Integer.parseInt(page), Integer.parseInt(size));
		usage.count(dataset.id(), Usage.Kind.API);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dataset", dataset.id());
		body.put("version", dataset.version());
		body.put("page", found.page());
		body.put("size", found.size());
		body.put("total", found.total());
		body.put("columns", dataset.columns().stream().map(Column::name).toList());
		body.put("rows", found.rows().stream().map(cells -> row(dataset.columns(), cells)).toList());
		return ResponseEntity.ok(body);
	}

	private static Map<String, Object> row(List<Column> columns, List<String> cells) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			String value = i < cells.size() ? cells.get(i) : "";
			row.put(columns.get(i).name(), columns.get(i).numeric() && value.matches("-?\\d{1,18}") ? (Object) Long.parseLong(value) : value);
		}
		return row;
	}

	private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String code) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.of(request, status, code, null));
	}
}
