package tongban.hall.queue.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tongban.directory.ServicePoints;
import tongban.hall.Series;
import tongban.hall.queue.QueueBoard;
import tongban.hall.queue.internal.DisplayBroadcaster;
import tongban.hall.queue.internal.DisplayFeed;
import tongban.shared.DomainException;

/**
 * 叫号屏 for a TV in the hall, public: the numbers at windows now in large type, the last calls and the waiting per
 * series; no personal data. The page listens to {@code …/display/events} (server-sent events) and reads each call aloud
 * where the browser can speak; without JavaScript it reloads itself every few seconds.
 */
@Controller
class QueueDisplayController {

	private final ServicePoints points;
	private final QueueBoard board;
	private final DisplayBroadcaster broadcaster;
	private final DisplayFeed feed;

	QueueDisplayController(ServicePoints points, QueueBoard board, DisplayBroadcaster broadcaster, DisplayFeed feed) {
		this.points = points;
		this.board = board;
		this.broadcaster = broadcaster;
		this.feed = feed;
	}

	private ServicePoints.ServicePoint point(String code) {
		if (code == null || !code.matches("[A-Za-z0-9-]{1,40}")) {
			throw DomainException.notFound("service point");
		}
		return points.pointByCode(code).orElseThrow(() -> DomainException.notFound("service point"));
	}

	@GetMapping("/hall/points/{code}/display")
	String display(@PathVariable String code, Model model) {
		ServicePoints.ServicePoint point = point(code);
		model.addAttribute("point", point);
		model.addAttribute("display", board.display(point.id()));
		model.addAttribute("series", Series.values());
		return "hall/queue/display";
	}

	@GetMapping(path = "/hall/points/{code}/display/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable String code) throws IOException {
		ServicePoints.ServicePoint point = point(code);
		SseEmitter emitter = broadcaster.subscribe(point.id());
		emitter.send(SseEmitter.event().name("update").data(feed.update(point.id(), null), MediaType.APPLICATION_JSON));
		return emitter;
	}
}
