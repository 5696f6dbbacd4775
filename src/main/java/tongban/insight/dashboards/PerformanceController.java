package tongban.insight.dashboards;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tongban.insight.Indicator;
import tongban.insight.IndicatorFilter;

/**
 * 政务服务效能 (public, no sign-in): the headline indicators by department for a month (the last full month unless
 * another is chosen) and the twelve months up to it, as tables with charts beside them; the same rows as
 * {@code /api/indicators}, which the page links as JSON and CSV.
 */
@Controller
class PerformanceController {

	private final IndicatorRequests requests;
	private final IndicatorTable table;
	private final MessageSource messages;

	PerformanceController(IndicatorRequests requests, IndicatorTable table, MessageSource messages) {
		this.requests = requests;
		this.table = table;
		this.messages = messages;
	}

	@GetMapping("/performance")
	String page(@RequestParam(required = false) String month, Model model, Locale locale) {
		IndicatorRequests.Period period = IndicatorRequests.lastFullMonth();
		model.addAttribute("monthInput", month == null ? YearMonth.from(period.from()).toString() : month);
		if (IndicatorRequests.present(month)) {
			try {
				period = requests.period(null, null, month);
			}
			catch (IndicatorRefused refused) {
				model.addAttribute("errorMessage",
						messages.getMessage("insight.dash.error." + refused.code(), new Object[] { refused.value() }, refused.code(), locale));
			}
		}
		YearMonth shown = YearMonth.from(period.from());
		model.addAttribute("month", shown.toString());
		model.addAttribute("byDepartment", IndicatorMatrix.of(DashboardController.HEADLINE, table.rows(new IndicatorFilter(
				DashboardController.HEADLINE, null, null, null, period.from(), period.to(), IndicatorFilter.Grouping.DEPARTMENT))));
		IndicatorRequests.Period year = new IndicatorRequests.Period(shown.minusMonths(11).atDay(1), period.to());
		Map<String, String> months = new LinkedHashMap<>();
		year.months().forEach(key -> months.put(key, key));
		model.addAttribute("trend", IndicatorMatrix.of(DashboardController.HEADLINE, table.rows(new IndicatorFilter(
				DashboardController.HEADLINE, null, null, null, year.from(), year.to(), IndicatorFilter.Grouping.MONTH)), months));
		model.addAttribute("barSeries", DashboardController.BARS);
		model.addAttribute("lineSeries", DashboardController.LINES);
		model.addAttribute("apiByDepartment", api(shown.toString(), null, null, "department", null));
		model.addAttribute("csvByDepartment", api(shown.toString(), null, null, "department", "csv"));
		model.addAttribute("csvTrend", api(null, year.from().toString(), year.to().toString(), "month", "csv"));
		return "insight/performance/page";
	}

	private static String api(String month, String from, String to, String by, String format) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/indicators");
		for (Indicator indicator : DashboardController.HEADLINE) {
			uri.queryParam("indicator", indicator.code());
		}
		if (month != null) {
			uri.queryParam("month", month);
		}
		if (from != null) {
			uri.queryParam("from", from).queryParam("to", to);
		}
		uri.queryParam("by", by);
		if (format != null) {
			uri.queryParam("format", format);
		}
		return uri.encode().build().toUriString();
	}
}
