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
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import tongban.hall.QueueEvents.QueueEvent;
import tongban.hall.QueueEvents.TicketCalled;
import tongban.hall.QueueEvents.TicketRecalled;
import tongban.hall.QueueEvents.TicketTaken;
import tongban.hall.Series;
import tongban.hall.queue.QueueBoard;

/**
 * Feeds the display pages after each queue event commits: a call or recall at once, with the sentence the display reads
 * aloud; a new number only marks the point, whose waiting counts go out at most once a second (a busy kiosk does not
 * make every display re-read the queue for every number).
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

	DisplayFeed(DisplayBroadcaster broadcaster, QueueBoard board, MessageSource messages) {
		this.broadcaster = broadcaster;
		this.board = board;
		this.messages = messages;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(QueueEvent event) {
		handle(event);
	}

	/** The listener's work (tests call it directly). */
	public void handle(QueueEvent event) {
		if (broadcaster.connected(event.pointId()) == 0) {
			return;
		}
		switch (event) {
			case TicketCalled called -> send(event.pointId(), announce(called.label(), called.windowNumber()));
			case TicketRecalled recalled -> send(event.pointId(), announce(recalled.label(), recalled.windowNumber()));
			case TicketTaken taken -> dirty.add(taken.pointId());
			default -> send(event.pointId(), null);
		}
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
