package tongban.feedback.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.feedback.RatingInput;
import tongban.feedback.RatingStatistics;
import tongban.shared.DomainException;

/** The public statistics page (no sign-in): indicators of a month by region and department, twelve months as a chart. */
@Controller
class RatingStatsController {

	private final RatingStatistics statistics;
	private final Forms forms;

	RatingStatsController(RatingStatistics statistics, Forms forms) {
		this.statistics = statistics;
		this.forms = forms;
	}

	@GetMapping("/ratings")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String department,
			@RequestParam(required = false) String month, Model model) {
		RatingStatistics.Stats stats;
		try {
			stats = statistics.stats(region, department, month);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("filterError", e.getMessage());
			stats = statistics.stats(null, null, null);
			model.addAttribute("input", Map.of("region", region == null ? "" : region, "department", department == null ? "" : department,
					"month", month == null ? "" : month));
		}
		model.addAttribute("s", stats);
		model.addAttribute("departments", forms.departmentNames());
		model.addAttribute("regions", statistics.regions());
		model.addAttribute("badTags", RatingInput.BAD_TAGS);
		return "feedback/stats";
	}
}
