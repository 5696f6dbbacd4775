package tongban.insight.dashboards;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tongban.insight.IndicatorFilter;
import tongban.shared.web.Problems;

/**
 * 政务服务效能 as data: the published indicators (public, no account) for a period, optionally one region, department or
 * item, grouped as asked, as JSON or as CSV for spreadsheets. Every figure carries its numerator and denominator so
 * anyone can recompute it. An unknown code, a period in the future or reversed is 400 problem+json naming the parameter.
 */
@RestController
@Tag(name = "indicators", description = "政务服务效能指标")
class IndicatorApiController {

	/** What the API answers: the period and filters as understood, and the rows. */
	record IndicatorReport(LocalDate from, LocalDate to, String by, String region, String department, String item,
			List<IndicatorRow> rows) {
	}

	/** Figures change as events arrive: shared caches may keep an answer for a minute. */
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final IndicatorRequests requests;
	private final IndicatorTable table;
	private final Problems problems;
	private final MessageSource messages;

	IndicatorApiController(IndicatorRequests requests, IndicatorTable table, Problems problems, MessageSource messages) {
		this.requests = requests;
		this.table = table;
		this.problems = problems;
		this.messages = messages;
	}

	@Operation(summary = "Indicators (网办率, 按时办结率, 好评率 …) for a period, grouped by department, region, item, month or day",
			description = "Rates and savings are fractions (0.95 = 95 %); value is null where the denominator is 0. format=csv answers "
					+ "the same rows as CSV (UTF-8 with BOM).",
			responses = { @ApiResponse(responseCode = "200", description = "The rows",
					content = { @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorReport.class)),
							@Content(mediaType = "text/csv") }),
					@ApiResponse(responseCode = "400", description = "An unknown code, a bad, future or reversed period",
							content = @Content(mediaType = "application/problem+json")) })
	@GetMapping("/api/indicators")
	ResponseEntity<?> indicators(
			@Parameter(description = "Indicator codes (repeatable; none = all), e.g. on-time-rate") @RequestParam(name = "indicator", required = false) List<String> indicators,
			@Parameter(description = "Region code (GB/T 2260 or township); covers what is inside it") @RequestParam(required = false) String region,
			@Parameter(description = "Department code, e.g. XH-ZJ") @RequestParam(required = false) String department,
			@Parameter(description = "Item code from the catalogue") @RequestParam(required = false) String item,
			@Parameter(description = "First day, yyyy-MM-dd (with to)") @RequestParam(required = false) String from,
			@Parameter(description = "Last day, yyyy-MM-dd, not after today") @RequestParam(required = false) String to,
			@Parameter(description = "A month, yyyy-MM, instead of from/to; default the last full month") @RequestParam(required = false) String month,
			@Parameter(description = "total, department, region, item, month or day") @RequestParam(required = false) String by,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
		boolean csv = "csv".equals(format);
		if (format != null && !csv && !"json".equals(format)) {
			throw new IndicatorRefused("unknown-format", "format", format);
		}
		IndicatorFilter filter = requests.filter(new IndicatorRequest(indicators, region, department, item, from, to, month, by));
		List<IndicatorRow> rows = table.rows(filter);
		if (csv) {
			String name = "indicators-" + filter.from() + "-" + filter.to() + ".csv";
			return ResponseEntity.ok()
				.cacheControl(CACHE)
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
				.body(IndicatorCsv.write(rows).getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.body(new IndicatorReport(filter.from(), filter.to(), filter.by().name().toLowerCase(Locale.ROOT), filter.region(),
					filter.department(), filter.item(), rows));
	}

	@ExceptionHandler(IndicatorRefused.class)
	ResponseEntity<ProblemDetail> refused(IndicatorRefused e, HttpServletRequest request, Locale locale) {
		String message = messages.getMessage("insight.dash.error." + e.code(), new Object[] { e.value() }, e.code(), locale);
		ProblemDetail problem = problems.of(request, HttpStatus.BAD_REQUEST, "insight-" + e.code(), message);
		problem.setTitle(message);
		problem.setProperty("parameter", e.field());
		problem.setProperty("value", e.value());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
