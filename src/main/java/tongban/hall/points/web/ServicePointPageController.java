package tongban.hall.points.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.catalog.PublishedItem;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.ServicePoint;
import tongban.hall.points.PointDays;
import tongban.hall.points.PointFinder;
import tongban.hall.points.PointWindows;
import tongban.shared.DomainException;

/**
 * 办事地点 for everyone: every point grouped by level and township with today's status, finding the nearest by township
 * (works without JavaScript) or by the browser's position (static/js/hall-points.js fills in the coordinates), and one
 * point's page with its coming week and its windows.
 */
@Controller
class ServicePointPageController {

	static final int WEEK = 7;

	private final PointFinder finder;
	private final PointDays days;
	private final PointWindows windows;

	ServicePointPageController(PointFinder finder, PointDays days, PointWindows windows) {
		this.finder = finder;
		this.days = days;
		this.windows = windows;
	}

	@GetMapping("/service-points")
	String index(@RequestParam(required = false) String item, @RequestParam(required = false) String township,
			@RequestParam(required = false) String near, Model model) {
		Optional<PublishedItem> published = finder.item(item);
		String itemCode = published.map(PublishedItem::code).orElse(null);
		model.addAttribute("item", published.map(PublishedItem::guide).orElse(null));
		model.addAttribute("unknownItem", item != null && !item.isBlank() && published.isEmpty());
		model.addAttribute("townships", finder.townships());
		model.addAttribute("township", township);
		List<ServicePoint> all = finder.all(itemCode);
		List<PointFinder.Found> found = null;
		if (township != null && !township.isBlank()) {
			if (finder.township(township).isPresent()) {
				found = finder.inTownship(township, itemCode);
				model.addAttribute("searchedTownship", finder.township(township).get());
			}
			else {
				model.addAttribute("townshipError", "hall.points.error.homeTownship");
			}
		}
		else if (near != null && !near.isBlank()) {
			Optional<double[]> position = Position.parse(near);
			if (position.isPresent()) {
				found = finder.near(position.get()[0], position.get()[1], itemCode, PointFinder.NEAREST);
			}
			else {
				model.addAttribute("nearError", "hall.points.error.near");
			}
		}
		model.addAttribute("found", found);
		model.addAttribute("groups", finder.grouped(all));
		Map<UUID, PointDays.Status> statuses = new LinkedHashMap<>();
		all.forEach(p -> statuses.put(p.id(), days.status(p)));
		if (found != null) {
			found.forEach(f -> statuses.computeIfAbsent(f.point().id(), id -> days.status(f.point())));
		}
		model.addAttribute("statuses", statuses);
		model.addAttribute("metaKey", "hall.points.meta");
		return "hall/points/index";
	}

	@GetMapping("/service-points/{code}")
	String point(@PathVariable String code, Model model) {
		ServicePoint point = windows.point(code).orElseThrow(() -> DomainException.notFound("service point"));
		model.addAttribute("point", point);
		model.addAttribute("status", days.status(point));
		model.addAttribute("days", days.coming(point, WEEK));
		model.addAttribute("windows", windows.of(point));
		model.addAttribute("township", finder.township(point.townshipCode()).orElse(null));
		model.addAttribute("levels", ServicePoints.Level.values());
		model.addAttribute("metaKey", "hall.points.meta.point");
		model.addAttribute("metaArg", point.name());
		return "hall/points/point";
	}
}
