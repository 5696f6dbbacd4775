package tongban.hall.assist.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.directory.ServicePoints;
import tongban.hall.assist.AssistStatistics;

/**
 * 统计: the hall's statistics page, open to counter clerks, department admins, supervisors, leaders and platform admins
 * (identity's rule for {@code /workbench/hall/statistics/**}). This part shows the 帮办代办 counts per point by month.
 */
@Controller
class AssistStatisticsController {

	private final AssistStatistics statistics;
	private final ServicePoints points;

	AssistStatisticsController(AssistStatistics statistics, ServicePoints points) {
		this.statistics = statistics;
		this.points = points;
	}

	@GetMapping("/workbench/hall/statistics")
	String page(Model model) {
		Map<UUID, String> names = new LinkedHashMap<>();
		points.points().forEach(p -> names.put(p.id(), p.name()));
		model.addAttribute("rows", statistics.lastMonths(12));
		model.addAttribute("pointNames", names);
		return "hall/assist/statistics";
	}
}
