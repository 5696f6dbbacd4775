package tongban.insight.trends.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.trends.TrendScope;
import tongban.insight.trends.WeeklyReports;
import tongban.insight.trends.WeeklyReports.Line;
import tongban.insight.trends.WeeklyReports.WeeklyReport;
import tongban.shared.Clocks;

/** The weekly 舆情 report of 12345 for the viewer's region: {@code /workbench/trends/weekly?week=2026-W49}. */
@Controller
class WeeklyReportController {

	private final WeeklyReports reports;
	private final TrendScope scope;
	private final JsonMapper json;
	private final MessageSource messages;
	private final AlertRows rows;

	WeeklyReportController(WeeklyReports reports, TrendScope scope, JsonMapper json, MessageSource messages, AlertRows rows) {
		this.rows = rows;
		this.reports = reports;
		this.scope = scope;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/workbench/trends/weekly")
	String weekly(@RequestParam(required = false) String week, @CurrentStaff StaffMember staff, Model model) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		String asked = week == null || week.isBlank() ? WeeklyReports.week(today) : week.strip();
		model.addAttribute("week", asked.length() > 10 ? asked.substring(0, 10) : asked);
		Optional<LocalDate> monday = WeeklyReports.monday(asked);
		if (monday.isEmpty()) {
			model.addAttribute("weekError", "insight.trends.weekly.error.format");
			return "insight/trends/weekly";
		}
		if (monday.get().isAfter(today)) {
			model.addAttribute("weekError", "insight.trends.weekly.error.future");
			return "insight/trends/weekly";
		}
		WeeklyReport report = reports.report(monday.get(), scope.regionPrefix(staff));
		model.addAttribute("report", report);
		model.addAttribute("surges", report.surges().stream().map(rows::row).toList());
		List<Line> categories = report.categories();
		model.addAttribute("chart", json.writeValueAsString(Charts.chart(categories.stream().map(Line::label).toList(),
				List.of(new Charts.Line(Charts.text(messages, "insight.trends.weekly.thisWeek"), "bar", categories.stream().map(Line::count).toList()),
						new Charts.Line(Charts.text(messages, "insight.trends.weekly.lastWeek"), "bar", categories.stream().map(Line::previous).toList())))));
		return "insight/trends/weekly";
	}
}
