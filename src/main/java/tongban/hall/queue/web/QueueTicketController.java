package tongban.hall.queue.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.ServicePoints;
import tongban.hall.Series;
import tongban.hall.queue.QueueBoard;
import tongban.hall.queue.QueueTaking;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.QrCode;

/**
 * A person's queue number: its public page by token (position, estimated wait, the window once called, the rating QR
 * code once the visit closed; refreshed by htmx, or by the page itself without JavaScript), and 手机取号 for the
 * signed-in person at {@code /account/queue} with their browser's position.
 */
@Controller
class QueueTicketController {

	private final QueueBoard board;
	private final QueueTaking taking;
	private final ServicePoints points;
	private final String baseUrl;

	QueueTicketController(QueueBoard board, QueueTaking taking, ServicePoints points,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.board = board;
		this.taking = taking;
		this.points = points;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping("/hall/tickets/{token}")
	String ticket(@PathVariable String token, Model model) {
		fill(token, model);
		return "hall/queue/ticket";
	}

	/** The part of the page that changes, for htmx's polling. */
	@GetMapping("/hall/tickets/{token}/status")
	String status(@PathVariable String token, Model model) {
		fill(token, model);
		return "hall/queue/ticket :: status";
	}

	private void fill(String token, Model model) {
		QueueBoard.Standing standing = board.byToken(token).orElseThrow(() -> DomainException.notFound("ticket"));
		model.addAttribute("standing", standing);
		model.addAttribute("ticket", standing.ticket());
		model.addAttribute("point", points.point(standing.ticket().pointId()).orElseThrow());
		if (standing.ticket().feedbackToken() != null) {
			String url = baseUrl + "/rate/" + standing.ticket().feedbackToken();
			model.addAttribute("rateUrl", url);
			model.addAttribute("rateQr", QrCode.svg(url, standing.ticket().label()));
		}
	}

	@GetMapping("/account/queue")
	String mine(@CurrentActor Actor actor, Model model) {
		model.addAttribute("tickets", taking.mine(actor.accountId()));
		model.addAttribute("points", points.points());
		model.addAttribute("green", taking.greenChannelFor(actor.accountId()));
		return "hall/queue/account";
	}

	@PostMapping("/account/queue")
	String take(@CurrentActor Actor actor, @RequestParam(required = false) String point, @RequestParam(required = false) String series,
			@RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude, Model model,
			HttpServletResponse response) {
		try {
			Series chosen = series == null || !series.matches("[ABG]") ? null : Series.valueOf(series);
			return "redirect:/hall/tickets/" + taking.takeOnPhone(actor.accountId(), point, chosen, number(latitude), number(longitude)).token();
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
			model.addAttribute("errorKey", "error." + e.code());
			model.addAttribute("errorArgs", e.args());
			model.addAttribute("errorField", e.code().startsWith("hall-queue-position") ? "locate" : e.code().equals("hall-queue-series")
					|| e.code().equals("hall-queue-green") ? "series-A" : "point");
			model.addAttribute("form", Map.of("point", point == null ? "" : point, "series", series == null ? "" : series));
			return mine(actor, model);
		}
	}

	@PostMapping("/account/queue/{id}/cancel")
	String cancel(@CurrentActor Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		taking.cancel(actor.accountId(), id);
		redirect.addFlashAttribute("banner", "hall.queue.account.cancelled");
		return "redirect:/account/queue";
	}

	private static Double number(String text) {
		if (text == null || text.isBlank() || text.length() > 30) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return Double.NaN;
		}
	}
}
