package tongban.hall.kiosk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.ServicePoints;
import tongban.hall.kiosk.KioskPrints;
import tongban.hall.kiosk.Kiosks;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/**
 * Kiosks in the console (platform admins): the register with each kiosk's point, printer and state, registering a
 * kiosk (its enrolment code is shown on the next page once and never again), revoking one, and the print log.
 */
@Controller
class KioskConsoleController {

	static final int TEXT_MAX = 60;

	private final Kiosks kiosks;
	private final KioskPrints prints;
	private final ServicePoints points;

	KioskConsoleController(Kiosks kiosks, KioskPrints prints, ServicePoints points) {
		this.kiosks = kiosks;
		this.prints = prints;
		this.points = points;
	}

	@GetMapping("/console/kiosks")
	String page(Model model) {
		Map<UUID, ServicePoints.ServicePoint> byId = points.points().stream()
			.collect(Collectors.toMap(ServicePoints.ServicePoint::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		model.addAttribute("points", byId);
		model.addAttribute("kiosks", kiosks.kiosks());
		model.addAttribute("kioskNames", kiosks.kiosks().stream().collect(Collectors.toMap(k -> k.id(), k -> k.name())));
		model.addAttribute("jobs", prints.jobs(50));
		return "hall/kiosk/console";
	}

	@PostMapping("/console/kiosks")
	String register(@RequestParam(required = false) String name, @RequestParam(required = false) String point,
			@RequestParam(required = false) String printer, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		String kioskName = name == null ? "" : name.strip();
		String printerName = printer == null ? "" : printer.strip();
		if (kioskName.isEmpty() || kioskName.length() > TEXT_MAX) {
			errors.put("name", "hall.kiosk.console.error.name");
		}
		Optional<ServicePoints.ServicePoint> chosen = Optional.empty();
		try {
			chosen = point == null || point.isBlank() ? Optional.empty() : points.point(UUID.fromString(point));
		}
		catch (IllegalArgumentException e) {
			chosen = Optional.empty();
		}
		if (chosen.isEmpty()) {
			errors.put("point", "hall.kiosk.console.error.point");
		}
		if (printerName.isEmpty() || printerName.length() > TEXT_MAX) {
			errors.put("printer", "hall.kiosk.console.error.printer");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("formName", kioskName.length() > TEXT_MAX ? kioskName.substring(0, TEXT_MAX) : kioskName);
			model.addAttribute("formPoint", point);
			model.addAttribute("formPrinter", printerName.length() > TEXT_MAX ? printerName.substring(0, TEXT_MAX) : printerName);
			return page(model);
		}
		Kiosks.Registered registered = kiosks.register(kioskName, chosen.get().id(), printerName, staff.name() + " (" + staff.id() + ")");
		redirect.addFlashAttribute("registered", registered);
		return "redirect:/console/kiosks";
	}

	@PostMapping("/console/kiosks/{id}/revoke")
	String revoke(@PathVariable String id, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		UUID kioskId;
		try {
			kioskId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("kiosk");
		}
		kiosks.revoke(kioskId, staff.name() + " (" + staff.id() + ")");
		redirect.addFlashAttribute("banner", "hall.kiosk.console.revoked");
		return "redirect:/console/kiosks";
	}
}
