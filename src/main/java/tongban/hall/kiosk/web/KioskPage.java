package tongban.hall.kiosk.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import tongban.directory.ServicePoints;
import tongban.hall.kiosk.Kiosk;
import tongban.hall.kiosk.KioskPerson;
import tongban.hall.kiosk.KioskSessions;

/**
 * What every kiosk page starts with: the kiosk of this browser, its point and the person signed in at it (read now,
 * which drops them after the idle timeout and otherwise counts as their activity) in the model; a browser that is no
 * enrolled kiosk gets a 403 and the refusal page.
 */
@Component
class KioskPage {

	static final String REFUSED = "hall/kiosk/refused";

	private final KioskDevice device;
	private final KioskSessions sessions;
	private final ServicePoints points;

	KioskPage(KioskDevice device, KioskSessions sessions, ServicePoints points) {
		this.device = device;
		this.sessions = sessions;
		this.points = points;
	}

	Optional<Kiosk> open(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Kiosk> kiosk = device.of(request);
		if (kiosk.isEmpty()) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return kiosk;
		}
		model.addAttribute("kiosk", kiosk.get());
		model.addAttribute("point", points.point(kiosk.get().pointId()).orElse(null));
		model.addAttribute("person", sessions.current(kiosk.get()).orElse(null));
		model.addAttribute("idleSeconds", sessions.idleTimeout().toSeconds());
		return kiosk;
	}

	/** The person the model holds (after {@link #open}). */
	static KioskPerson person(Model model) {
		return (KioskPerson) model.getAttribute("person");
	}
}
