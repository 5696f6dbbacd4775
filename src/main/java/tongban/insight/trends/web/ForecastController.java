package tongban.insight.trends.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.trends.DemandForecasts;
import tongban.insight.trends.DemandForecasts.Forecasts;
import tongban.insight.trends.DemandForecasts.Series;
import tongban.insight.trends.TrendScope;
import tongban.insight.trends.WeeklyDemand;

/**
 * Demand forecasts for the next eight weeks per item and per service hall, each with its backtest error (MAPE) and the
 * windows suggested; one series drawn as a chart of its recent weeks and forecast, with the same numbers in a table.
 */
@Controller
class ForecastController {

	private final DemandForecasts forecasts;
	private final TrendScope scope;
	private final JsonMapper json;
	private final MessageSource messages;

	ForecastController(DemandForecasts forecasts, TrendScope scope, JsonMapper json, MessageSource messages) {
		this.forecasts = forecasts;
		this.scope = scope;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/workbench/trends/forecasts")
	String forecasts(@RequestParam(required = false) String series, @CurrentStaff StaffMember staff, Model model) {
		Forecasts found = forecasts.forecasts(scope.regionPrefix(staff), scope.departmentOnly(staff));
		model.addAttribute("f", found);
		Series chosen = Stream.concat(found.items().stream(), found.halls().stream())
			.filter(s -> (s.kind() + ":" + s.key()).equals(series))
			.findFirst()
			.orElse(found.items().isEmpty() ? null : found.items().getFirst());
		model.addAttribute("chosen", chosen);
		if (chosen != null) {
			List<String> weeks = new ArrayList<>(chosen.historyWeeks());
			weeks.addAll(chosen.weeks());
			List<Double> actual = new ArrayList<>(chosen.history());
			List<Double> predicted = new ArrayList<>();
			chosen.history().forEach(week -> predicted.add(null));
			chosen.weeks().forEach(week -> actual.add(null));
			chosen.forecast().weeks().stream().map(week -> (double) Math.round(week.cases())).forEach(predicted::add);
			model.addAttribute("chart", json.writeValueAsString(Charts.chart(weeks, List.of(new Charts.Line(Charts.text(messages, "insight.trends.forecast.actual"), "bar", actual),
					new Charts.Line(Charts.text(messages, "insight.trends.forecast.predicted"), "line", predicted)))));
		}
		model.addAttribute("backtestWeeks", WeeklyDemand.BACKTEST_WEEKS);
		model.addAttribute("minHistory", WeeklyDemand.MIN_HISTORY);
		return "insight/trends/forecasts";
	}
}
