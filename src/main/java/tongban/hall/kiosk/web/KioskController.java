package tongban.hall.kiosk.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.hall.Series;
import tongban.hall.kiosk.IdCardReader;
import tongban.hall.kiosk.Kiosk;
import tongban.hall.kiosk.KioskPerson;
import tongban.hall.kiosk.KioskPrints;
import tongban.hall.kiosk.KioskSessions;
import tongban.hall.kiosk.Kiosks;
import tongban.shared.DomainException;
import tongban.shared.QrCode;

/**
 * The kiosk's pages (自助终端): enrolment, the start page, sign-in by ID card, taking a number with its printed receipt
 * and printing one's e-licences. Every page but enrolment refuses a browser that is not an enrolled kiosk (403); the
 * person signed in is this kiosk's, read on every request (which drops them after the idle timeout).
 */
@Controller
class KioskController {

	static final String REFUSED = KioskPage.REFUSED;

	private final KioskDevice device;
	private final Kiosks kiosks;
	private final KioskSessions sessions;
	private final KioskPrints prints;
	private final IdCardReader reader;
	private final KioskPage page;

	/** The reader in service: a real reader's driver before the demo one (which is in service only with demo data). */
	KioskController(KioskDevice device, Kiosks kiosks, KioskSessions sessions, KioskPrints prints, List<IdCardReader> readers,
			KioskPage page) {
		this.device = device;
		this.kiosks = kiosks;
		this.sessions = sessions;
		this.prints = prints;
		this.reader = readers.stream().sorted(Comparator.comparing(IdCardReader::typed)).filter(IdCardReader::available).findFirst()
			.orElse(readers.getFirst());
		this.page = page;
	}

	private Optional<Kiosk> kiosk(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page.open(request, response, model);
	}

	@GetMapping("/kiosk")
	String start(HttpServletRequest request, HttpServletResponse response, Model model) {
		return kiosk(request, response, model).map(k -> "hall/kiosk/start").orElse(REFUSED);
	}

	@GetMapping("/kiosk/enrol")
	String enrolPage() {
		return "hall/kiosk/enrol";
	}

	@PostMapping("/kiosk/enrol")
	String enrol(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (code == null || code.isBlank()) {
			model.addAttribute("error", "hall.kiosk.enrol.error.empty");
			return "hall/kiosk/enrol";
		}
		Optional<String> token = kiosks.enrol(code);
		if (token.isEmpty()) {
			model.addAttribute("error", "hall.kiosk.enrol.error.code");
			model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
			return "hall/kiosk/enrol";
		}
		device.remember(token.get(), request, response);
		return "redirect:/kiosk";
	}

	/** The no-JS end of the idle timeout (the page's meta refresh) and the script's: the person is dropped. */
	@GetMapping("/kiosk/idle")
	String idle(HttpServletRequest request) {
		device.of(request).ifPresent(sessions::end);
		return "redirect:/kiosk";
	}

	@PostMapping("/kiosk/sign-out")
	String signOut(HttpServletRequest request) {
		device.of(request).ifPresent(sessions::end);
		return "redirect:/kiosk";
	}

	/** 继续使用: the person is still there (the request itself counts as activity). */
	@PostMapping("/kiosk/still-here")
	String stillHere(@RequestParam(required = false) String back, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (kiosk(request, response, model).isEmpty()) {
			return REFUSED;
		}
		return "redirect:" + (back != null && back.matches("/kiosk(/[a-z-]+)?") ? back : "/kiosk");
	}

	@GetMapping("/kiosk/card")
	String cardPage(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (kiosk(request, response, model).isEmpty()) {
			return REFUSED;
		}
		model.addAttribute("reader", reader);
		return "hall/kiosk/card";
	}

	@PostMapping("/kiosk/card")
	String card(@RequestParam Map<String, String> fields, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Kiosk> kiosk = kiosk(request, response, model);
		if (kiosk.isEmpty()) {
			return REFUSED;
		}
		KioskSessions.SignIn signIn = sessions.signIn(kiosk.get(), reader.available() ? reader.read(fields) : Optional.empty());
		if (signIn.refusal() != null) {
			model.addAttribute("reader", reader);
			model.addAttribute("refusal", signIn.refusal());
			model.addAttribute("name", clip(fields.get("name")));
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return "hall/kiosk/card";
		}
		return "redirect:/kiosk";
	}

	@GetMapping("/kiosk/number")
	String numberPage(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (kiosk(request, response, model).isEmpty()) {
			return REFUSED;
		}
		model.addAttribute("series", Series.values());
		return "hall/kiosk/number";
	}

	@PostMapping("/kiosk/number")
	String number(@RequestParam(required = false) String series, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Optional<Kiosk> kiosk = kiosk(request, response, model);
		if (kiosk.isEmpty()) {
			return REFUSED;
		}
		Series chosen = series == null ? null : Arrays.stream(Series.values()).filter(s -> s.name().equals(series)).findFirst().orElse(null);
		KioskPerson person = KioskPage.person(model);
		String problem = chosen == null ? "hall.kiosk.number.error.series"
				: chosen == Series.G && (person == null || !person.green()) ? "hall.kiosk.number.error.green" : null;
		if (problem == null) {
			try {
				KioskPrints.Taken taken = prints.takeNumber(kiosk.get(), person, chosen);
				redirect.addFlashAttribute("taken", taken);
				return "redirect:/kiosk/receipt";
			}
			catch (DomainException e) {
				problem = "hall-point-closed".equals(e.code()) ? "hall.kiosk.number.error.closed" : "hall.kiosk.number.error.series";
			}
		}
		model.addAttribute("series", Series.values());
		model.addAttribute("error", problem);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return "hall/kiosk/number";
	}

	/** The number just taken (a flash attribute: reloading or coming back later shows nothing of it). */
	@GetMapping("/kiosk/receipt")
	String receipt(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (kiosk(request, response, model).isEmpty()) {
			return REFUSED;
		}
		KioskPrints.Taken taken = (KioskPrints.Taken) model.getAttribute("taken");
		if (taken == null) {
			return "redirect:/kiosk";
		}
		model.addAttribute("qr", QrCode.svg(prints.pageOf(taken.ticket()), taken.ticket().label()));
		return "hall/kiosk/receipt";
	}

	@GetMapping("/kiosk/documents")
	String documents(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (kiosk(request, response, model).isEmpty()) {
			return REFUSED;
		}
		KioskPerson person = KioskPage.person(model);
		if (person == null) {
			return "redirect:/kiosk/card";
		}
		model.addAttribute("licences", prints.licences(person));
		model.addAttribute("acceptances", prints.acceptances(person));
		return "hall/kiosk/documents";
	}

	@PostMapping("/kiosk/documents/{id}/print")
	String printDocument(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return print(id, request, response, model, redirect, prints::printLicence);
	}

	@PostMapping("/kiosk/documents/cases/{id}/print")
	String printAcceptance(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return print(id, request, response, model, redirect, prints::printAcceptance);
	}

	/** Prints one of the signed-in person's documents; an id that is no UUID is as unknown as another's document. */
	private String print(String id, HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
			Printing printing) {
		Optional<Kiosk> kiosk = kiosk(request, response, model);
		if (kiosk.isEmpty()) {
			return REFUSED;
		}
		KioskPerson person = KioskPage.person(model);
		if (person == null) {
			return "redirect:/kiosk/card";
		}
		UUID documentId;
		try {
			documentId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("document");
		}
		redirect.addFlashAttribute("printed", printing.print(kiosk.get(), person, documentId).title());
		return "redirect:/kiosk/documents";
	}

	/** One of the kiosk's document prints. */
	@FunctionalInterface
	interface Printing {

		KioskPrints.PrintJob print(Kiosk kiosk, KioskPerson person, UUID documentId);
	}

	private static String clip(String text) {
		return text == null ? "" : text.length() > 40 ? text.substring(0, 40) : text;
	}
}
