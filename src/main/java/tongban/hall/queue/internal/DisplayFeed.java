package tongban.hall.queue.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import tongban.hall.QueueEvents.QueueEvent;
import tongban.hall.QueueEvents.TicketCalled;
import tongban.hall.QueueEvents.TicketRecalled;
import tongban.hall.QueueEvents.TicketTaken;
import tongban.hall.Series;
import tongban.hall.queue.QueueBoard;
import tongban.shared.ClusterSignals;

/**
 * Feeds the display pages after each queue event commits: a call or recall at once, with the sentence the display reads
 * aloud; a new number only marks the point, whose waiting counts go out at most once a second (a busy kiosk does not
 * make every display re-read the queue for every number).
 * <p>
 * A display may be connected to any node of a cluster, so each event becomes a cluster signal ({@value #CHANNEL}:
 * the point, what happened, and for a call the number's label and the window's number: no personal data), and every
 * node feeds its own displays from it. A node that may have missed signals refreshes every display it holds.
 */
@Component
public class DisplayFeed {

	/** What a display receives: the sentence to read aloud (on a call), the calls now, the last calls, the waiting. */
	public record Update(String announce, List<QueueBoard.Call> current, List<QueueBoard.Call> recent, Map<Series, Integer> waiting) {
	}

	private final DisplayBroadcaster broadcaster;
	private final QueueBoard board;
	private final MessageSource messages;
	private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();

	/** The cluster signal of a queue event: {@code pointId|CALL|label|window}, {@code pointId|TAKEN} or {@code pointId|UPDATE}. */
	static final String CHANNEL = "hall_display";

	private static final String SEPARATOR = "|";

	private final ClusterSignals signals;

	DisplayFeed(DisplayBroadcaster broadcaster, QueueBoard board, MessageSource messages, ClusterSignals signals) {
		this.broadcaster = broadcaster;
		this.board = board;
		this.messages = messages;
		this.signals = signals;
		signals.listen(CHANNEL, this::received);
	}

	/** In the event's transaction: the signal goes to every node after the commit (at once without a transaction). */
	@EventListener
	void on(QueueEvent event) {
		signals.send(CHANNEL, signal(event));
	}

	static String signal(QueueEvent event) {
		String point = event.pointId() + SEPARATOR;
		return switch (event) {
			case TicketCalled called -> point + "CALL" + SEPARATOR + called.label() + SEPARATOR + called.windowNumber();
			case TicketRecalled recalled -> point + "CALL" + SEPARATOR + recalled.label() + SEPARATOR + recalled.windowNumber();
			case TicketTaken taken -> point + "TAKEN";
			default -> point + "UPDATE";
		};
	}

	/** A queue event's signal from any node, this one included: this node's displays of the point hear of it. */
	void received(String payload) {
		if (payload.equals(ClusterSignals.EVERYTHING)) {
			dirty.addAll(broadcaster.points());
			return;
		}
		String[] parts = payload.split("\\|", -1);
		UUID pointId = UUID.fromString(parts[0]);
		if (broadcaster.connected(pointId) == 0) {
			return;
		}
		switch (parts[1]) {
			case "CALL" -> send(pointId, announce(parts[2], parts[3]));
			case "TAKEN" -> dirty.add(pointId);
			default -> send(pointId, null);
		}
	}

	/** The listener's work on this node alone (tests call it directly). */
	public void handle(QueueEvent event) {
		received(signal(event));
	}

	/** The points whose waiting counts changed since the last pass, sent once. */
	// Node-local, not locked: pushes this node's pending display updates to the displays connected to it.
	@Scheduled(fixedDelay = 1000)
	void flush() {
		for (UUID pointId : Set.copyOf(dirty)) {
			dirty.remove(pointId);
			send(pointId, null);
		}
	}

	/** The update a display shows now (also the first one a new connection receives). */
	public Update update(UUID pointId, String announce) {
		QueueBoard.Display display = board.display(pointId);
		return new Update(announce, display.current(), display.recent(), display.waiting());
	}

	private void send(UUID pointId, String announce) {
		broadcaster.publish(pointId, announce == null ? "update" : "call", update(pointId, announce));
	}

	private String announce(String label, String window) {
		return messages.getMessage("hall.queue.announce", new Object[] { label, window }, Locale.SIMPLIFIED_CHINESE);
	}
}
