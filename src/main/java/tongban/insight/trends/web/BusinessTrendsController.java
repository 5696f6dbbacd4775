package tongban.insight.trends.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.trends.BusinessTrends;
import tongban.insight.trends.BusinessTrends.MonthTotal;
import tongban.insight.trends.BusinessTrends.Trends;
import tongban.insight.trends.TrendScope;
import tongban.shared.Clocks;

/** New and closed businesses from the shared business register, with the early warning on closures: {@code ?month=2026-11}. */
@Controller
class BusinessTrendsController {

	private final BusinessTrends trends;
	private final TrendScope scope;
	private final JsonMapper json;
	private final MessageSource messages;

	BusinessTrendsController(BusinessTrends trends, TrendScope scope, JsonMapper json, MessageSource messages) {
		this.trends = trends;
		this.scope = scope;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/workbench/trends/business")
	String business(@RequestParam(required = false) String month, @CurrentStaff StaffMember staff, Model model) {
		YearMonth thisMonth = YearMonth.from(LocalDate.now(Clocks.ZONE));
		String asked = month == null || month.isBlank() ? thisMonth.minusMonths(1).toString() : month.strip();
		model.addAttribute("month", asked.length() > 7 ? asked.substring(0, 7) : asked);
		YearMonth chosen = parse(asked);
		if (chosen == null) {
			model.addAttribute("monthError", "insight.trends.business.error.format");
			return "insight/trends/business";
		}
		if (chosen.isAfter(thisMonth)) {
			model.addAttribute("monthError", "insight.trends.business.error.future");
			return "insight/trends/business";
		}
		Trends found = trends.trends(chosen, scope.regionPrefix(staff));
		model.addAttribute("t", found);
		List<MonthTotal> months = found.months();
		model.addAttribute("chart", json.writeValueAsString(Charts.chart(months.stream().map(m -> m.month().toString()).toList(),
				List.of(new Charts.Line(Charts.text(messages, "insight.trends.business.established"), "bar", months.stream().map(MonthTotal::established).toList()),
						new Charts.Line(Charts.text(messages, "insight.trends.business.closed"), "bar", months.stream().map(MonthTotal::closed).toList())))));
		return "insight/trends/business";
	}

	private static YearMonth parse(String month) {
		if (!month.matches("\\d{4}-\\d{2}")) {
			return null;
		}
		try {
			YearMonth parsed = YearMonth.parse(month);
			return parsed.getYear() < 2000 ? null : parsed;
		}
		catch (DateTimeException e) {
			return null;
		}
	}
}
