package tongban.hall.queue.web;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.PointWindow;
import tongban.hall.QueueNumbers;
import tongban.hall.QueueTicket;
import tongban.hall.Series;
import tongban.hall.TicketStatus;
import tongban.hall.queue.QueueBoard;
import tongban.hall.queue.QueueCalling;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.QrCode;

/**
 * 叫号台 on the workbench: the clerk's window, the number it called or serves, the buttons (call next, call again,
 * skipped, start, transfer, close with the cases handled), the numbers skipped at the point, and 导办 (a number for a
 * visitor). Each button posts and comes back here (POST-redirect-GET); a refused move comes back with its reason.
 */
@Controller
class QueueWorkbenchController {

	private static final String BASE = "/workbench/hall/queue";

	private final QueueCalling calling;
	private final QueueBoard board;
	private final QueueNumbers numbers;
	private final ServicePoints points;
	private final String baseUrl;

	QueueWorkbenchController(QueueCalling calling, QueueBoard board, QueueNumbers numbers, ServicePoints points,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.calling = calling;
		this.board = board;
		this.numbers = numbers;
		this.points = points;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping(BASE)
	String page(@RequestParam(required = false) UUID window, @CurrentStaff StaffMember staff, Model model) {
		List<PointWindow> windows = calling.windowsOf(staff);
		model.addAttribute("windows", windows);
		if (windows.isEmpty()) {
			return "hall/queue/workbench";
		}
		PointWindow chosen = window == null ? windows.getFirst() : calling.window(staff, window);
		ServicePoints.ServicePoint point = points.point(chosen.pointId()).orElseThrow(() -> DomainException.notFound("service point"));
		model.addAttribute("window", chosen);
		model.addAttribute("point", point);
		model.addAttribute("current", calling.current(staff, chosen.id()).orElse(null));
		calling.current(staff, chosen.id())
			.filter(ticket -> ticket.status() == TicketStatus.SERVING)
			.ifPresent(ticket -> model.addAttribute("visitorCases", calling.casesOfVisitor(staff, chosen.id(), ticket.id())));
		model.addAttribute("waiting", board.waiting(point.id()));
		model.addAttribute("skipped", board.skipped(point.id()));
		model.addAttribute("others", points.windows(point.id()).stream()
			.filter(other -> other.series() != null && !other.series().isBlank() && !other.id().equals(chosen.id()))
			.toList());
		model.addAttribute("series", Series.values());
		model.addAttribute("reasons", List.of("ELDERLY", "DISABLED", "PREGNANT"));
		return "hall/queue/workbench";
	}

	@PostMapping(BASE + "/take")
	String take(@RequestParam UUID window, @RequestParam(required = false) Series series, @RequestParam(required = false) String reason,
			@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> {
			QueueTicket ticket = calling.takeForVisitor(staff, window, series == null ? Series.A : series, blankToNull(reason), null);
			redirect.addFlashAttribute("taken", ticket);
		});
	}

	@PostMapping(BASE + "/call-next")
	String callNext(@RequestParam UUID window, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> {
			if (calling.callNext(staff, window).isEmpty()) {
				redirect.addFlashAttribute("queueNotice", "hall.queue.workbench.nobody");
			}
		});
	}

	@PostMapping(BASE + "/tickets/{id}/recall")
	String recall(@PathVariable UUID id, @RequestParam UUID window, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> calling.recall(staff, window, id));
	}

	@PostMapping(BASE + "/tickets/{id}/skip")
	String skip(@PathVariable UUID id, @RequestParam UUID window, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> calling.skip(staff, window, id));
	}

	@PostMapping(BASE + "/tickets/{id}/call")
	String callSkipped(@PathVariable UUID id, @RequestParam UUID window, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> calling.callSkipped(staff, window, id));
	}

	@PostMapping(BASE + "/tickets/{id}/start")
	String start(@PathVariable UUID id, @RequestParam UUID window, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> calling.start(staff, window, id));
	}

	@PostMapping(BASE + "/tickets/{id}/transfer")
	String transfer(@PathVariable UUID id, @RequestParam UUID window, @RequestParam(required = false) UUID target,
			@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		return act(window, redirect, () -> calling.transfer(staff, window, id, target));
	}

	@PostMapping(BASE + "/tickets/{id}/close")
	String close(@PathVariable UUID id, @RequestParam UUID window, @RequestParam(name = "case", required = false) List<UUID> visitorCases,
			@RequestParam(required = false) String caseNumber, @CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		String[] typed = caseNumber == null ? new String[0] : caseNumber.split("[,，\\s]+");
		try {
			calling.close(staff, window, id, visitorCases == null ? List.of() : visitorCases, List.of(typed));
		}
		catch (DomainException e) {
			return refused(e, window, redirect);
		}
		return "redirect:" + BASE + "/tickets/" + id + "?window=" + window;
	}

	/** The closed visit: the cases linked and the 好差评 QR code shown to the person. */
	@GetMapping(BASE + "/tickets/{id}")
	String closed(@PathVariable UUID id, @RequestParam UUID window, @CurrentStaff StaffMember staff, Model model) {
		PointWindow chosen = calling.window(staff, window);
		QueueTicket ticket = numbers.ticket(id)
			.filter(found -> chosen.id().equals(found.windowId()) && found.feedbackToken() != null)
			.orElseThrow(() -> DomainException.notFound("ticket"));
		String url = baseUrl + "/rate/" + ticket.feedbackToken();
		model.addAttribute("window", chosen);
		model.addAttribute("ticket", ticket);
		model.addAttribute("cases", calling.linkedCases(id));
		model.addAttribute("url", url);
		model.addAttribute("qr", QrCode.svg(url, ticket.label()));
		return "hall/queue/closed";
	}

	private String act(UUID window, RedirectAttributes redirect, Runnable step) {
		try {
			step.run();
		}
		catch (DomainException e) {
			return refused(e, window, redirect);
		}
		return "redirect:" + BASE + "?window=" + window;
	}

	private static String refused(DomainException e, UUID window, RedirectAttributes redirect) {
		if (e.kind() == DomainException.Kind.NOT_FOUND) {
			throw e;
		}
		redirect.addFlashAttribute("queueError", "error." + e.code());
		redirect.addFlashAttribute("queueErrorArgs", e.args());
		return "redirect:" + BASE + "?window=" + window;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
