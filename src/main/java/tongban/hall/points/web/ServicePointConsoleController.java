package tongban.hall.points.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.ServicePointEditing;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.PointWindow;
import tongban.directory.ServicePoints.ServicePoint;
import tongban.hall.points.PointConsole;
import tongban.hall.points.PointDays;
import tongban.hall.points.PointFinder;
import tongban.hall.points.PointForm;
import tongban.hall.points.PointWindows;
import tongban.hall.points.WindowForm;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/**
 * The service network in the console (platform admins): the list of points, a point's details, its closures, its
 * windows and the clerks at each window. Every form is checked by {@link PointConsole}; a refused form comes back with
 * the input kept, an error summary and a message at each field.
 */
@Controller
class ServicePointConsoleController {

	private static final String BASE = "/console/service-points";

	private final ServicePoints points;
	private final ServicePointEditing editing;
	private final PointConsole console;
	private final PointFinder finder;
	private final PointWindows windows;
	private final PointDays days;

	ServicePointConsoleController(ServicePoints points, ServicePointEditing editing, PointConsole console, PointFinder finder,
			PointWindows windows, PointDays days) {
		this.days = days;
		this.points = points;
		this.editing = editing;
		this.console = console;
		this.finder = finder;
		this.windows = windows;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping(BASE)
	String list(Model model) {
		model.addAttribute("points", points.points());
		return "hall/points/console-list";
	}

	@GetMapping(BASE + "/new")
	String newPoint(Model model) {
		model.addAttribute("form", new PointForm());
		return pointPage(model, null);
	}

	@PostMapping(BASE + "/new")
	String create(@ModelAttribute("form") PointForm form, BindingResult errors, @CurrentStaff StaffMember admin, Model model,
			RedirectAttributes redirect) {
		return console.savePoint(Optional.empty(), form, errors, admin).map(code -> {
			redirect.addFlashAttribute("banner", "hall.points.console.saved");
			return "redirect:" + BASE + "/" + code;
		}).orElseGet(() -> pointPage(model, null));
	}

	@GetMapping(BASE + "/{code}")
	String point(@PathVariable String code, Model model) {
		ServicePoint point = find(code);
		model.addAttribute("form", PointForm.of(point));
		return pointPage(model, point);
	}

	@PostMapping(BASE + "/{code}")
	String save(@PathVariable String code, @ModelAttribute("form") PointForm form, BindingResult errors, @CurrentStaff StaffMember admin,
			Model model, RedirectAttributes redirect) {
		ServicePoint point = find(code);
		return console.savePoint(Optional.of(point), form, errors, admin).map(saved -> {
			redirect.addFlashAttribute("banner", "hall.points.console.saved");
			return "redirect:" + BASE + "/" + saved;
		}).orElseGet(() -> pointPage(model, point));
	}

	@PostMapping(BASE + "/{code}/closures")
	String close(@PathVariable String code, @RequestParam(required = false) String day, @RequestParam(required = false) String reason,
			@CurrentStaff StaffMember admin, Model model, RedirectAttributes redirect) {
		ServicePoint point = find(code);
		Optional<String> problem = console.close(point, day, reason, admin);
		if (problem.isPresent()) {
			model.addAttribute("form", PointForm.of(point));
			model.addAttribute("closureError", problem.get());
			model.addAttribute("closureDay", day);
			model.addAttribute("closureReason", reason);
			return pointPage(model, point);
		}
		redirect.addFlashAttribute("banner", "hall.points.console.closed");
		return "redirect:" + BASE + "/" + point.code();
	}

	@PostMapping(BASE + "/{code}/closures/remove")
	String reopen(@PathVariable String code, @RequestParam String day, @CurrentStaff StaffMember admin, RedirectAttributes redirect) {
		ServicePoint point = find(code);
		try {
			console.reopen(point, LocalDate.parse(day), admin);
		}
		catch (DateTimeParseException e) {
			throw DomainException.notFound("closure");
		}
		redirect.addFlashAttribute("banner", "hall.points.console.reopened");
		return "redirect:" + BASE + "/" + point.code();
	}

	@GetMapping(BASE + "/{code}/windows/new")
	String newWindow(@PathVariable String code, Model model) {
		model.addAttribute("form", new WindowForm());
		return windowPage(model, find(code), null);
	}

	@PostMapping(BASE + "/{code}/windows/new")
	String addWindow(@PathVariable String code, @ModelAttribute("form") WindowForm form, BindingResult errors,
			@CurrentStaff StaffMember admin, Model model, RedirectAttributes redirect) {
		ServicePoint point = find(code);
		return console.saveWindow(point, Optional.empty(), form, errors, admin).map(number -> {
			redirect.addFlashAttribute("banner", "hall.points.console.windowSaved");
			return "redirect:" + BASE + "/" + point.code() + "/windows/" + number;
		}).orElseGet(() -> windowPage(model, point, null));
	}

	@GetMapping(BASE + "/{code}/windows/{number}")
	String window(@PathVariable String code, @PathVariable String number, Model model) {
		ServicePoint point = find(code);
		PointWindow window = window(point, number);
		model.addAttribute("form", WindowForm.of(window, points.itemsOf(window.id())));
		return windowPage(model, point, window);
	}

	@PostMapping(BASE + "/{code}/windows/{number}")
	String saveWindow(@PathVariable String code, @PathVariable String number, @ModelAttribute("form") WindowForm form, BindingResult errors,
			@CurrentStaff StaffMember admin, Model model, RedirectAttributes redirect) {
		ServicePoint point = find(code);
		PointWindow window = window(point, number);
		return console.saveWindow(point, Optional.of(window), form, errors, admin).map(saved -> {
			redirect.addFlashAttribute("banner", "hall.points.console.windowSaved");
			return "redirect:" + BASE + "/" + point.code() + "/windows/" + saved;
		}).orElseGet(() -> windowPage(model, point, window));
	}

	@PostMapping(BASE + "/{code}/windows/{number}/staff")
	String assign(@PathVariable String code, @PathVariable String number, @RequestParam(required = false) String username,
			@CurrentStaff StaffMember admin, Model model, RedirectAttributes redirect) {
		ServicePoint point = find(code);
		PointWindow window = window(point, number);
		Optional<String> problem = console.assign(point, window, username, admin);
		if (problem.isPresent()) {
			model.addAttribute("form", WindowForm.of(window, points.itemsOf(window.id())));
			model.addAttribute("staffError", problem.get());
			model.addAttribute("username", username);
			return windowPage(model, point, window);
		}
		redirect.addFlashAttribute("banner", "hall.points.console.assigned");
		return "redirect:" + BASE + "/" + point.code() + "/windows/" + window.number();
	}

	@PostMapping(BASE + "/{code}/windows/{number}/staff/remove")
	String unassign(@PathVariable String code, @PathVariable String number, @RequestParam UUID account, @CurrentStaff StaffMember admin,
			RedirectAttributes redirect) {
		ServicePoint point = find(code);
		PointWindow window = window(point, number);
		console.unassign(point, window, account, admin);
		redirect.addFlashAttribute("banner", "hall.points.console.unassigned");
		return "redirect:" + BASE + "/" + point.code() + "/windows/" + window.number();
	}

	private String pointPage(Model model, ServicePoint point) {
		model.addAttribute("point", point);
		model.addAttribute("levels", ServicePoints.Level.values());
		model.addAttribute("townships", finder.townships());
		if (point != null) {
			model.addAttribute("closures", editing.closuresFrom(point.id(), days.today()));
			model.addAttribute("windows", windows.of(point));
		}
		return "hall/points/console-point";
	}

	private String windowPage(Model model, ServicePoint point, PointWindow window) {
		model.addAttribute("point", point);
		model.addAttribute("window", window);
		model.addAttribute("kinds", ServicePoints.WindowKind.values());
		model.addAttribute("seriesChoices", List.of("A", "B"));
		Map<String, String> clerks = new LinkedHashMap<>();
		if (window != null) {
			console.clerksAt(window).forEach(c -> clerks.put(c.id().toString(), c.name()));
		}
		model.addAttribute("clerks", clerks);
		return "hall/points/console-window";
	}

	private ServicePoint find(String code) {
		return windows.point(code).orElseThrow(() -> DomainException.notFound("service point"));
	}

	private PointWindow window(ServicePoint point, String number) {
		return points.windows(point.id()).stream()
			.filter(w -> w.number().equals(number))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("window"));
	}
}
