package tongban.hall.queue.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans a point's queue updates out to its open display pages (server-sent events) connected to this node: the
 * {@code DisplayFeed} feeds it from the cluster signal of each queue event, so a call made on any node reaches them.
 * Sending happens off the caller's thread; an emitter that fails, completes or times out is dropped, and a heartbeat
 * (an SSE comment) keeps proxies from closing quiet connections and finds dead ones.
 */
@Component
public class DisplayBroadcaster {

	/** How long one connection lives before the browser's EventSource reconnects by itself. */
	static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

	private final Map<UUID, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();
	private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

	/** A new connection of a display page of the point. */
	public SseEmitter subscribe(UUID pointId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		Set<SseEmitter> ofPoint = emitters.computeIfAbsent(pointId, id -> ConcurrentHashMap.newKeySet());
		ofPoint.add(emitter);
		emitter.onCompletion(() -> ofPoint.remove(emitter));
		emitter.onTimeout(() -> ofPoint.remove(emitter));
		emitter.onError(error -> ofPoint.remove(emitter));
		return emitter;
	}

	/** Sends an event (name, JSON data) to every display of the point, without waiting for them. */
	public void publish(UUID pointId, String name, Object data) {
		Set<SseEmitter> ofPoint = emitters.get(pointId);
		if (ofPoint == null || ofPoint.isEmpty()) {
			return;
		}
		for (SseEmitter emitter : ofPoint) {
			sender.execute(() -> send(ofPoint, emitter, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON)));
		}
	}

	/** The points with displays connected to this node now. */
	public Set<UUID> points() {
		return Set.copyOf(emitters.keySet());
	}

	/** The displays connected to a point now. */
	public int connected(UUID pointId) {
		Set<SseEmitter> ofPoint = emitters.get(pointId);
		return ofPoint == null ? 0 : ofPoint.size();
	}

	// Node-local, not locked: keeps alive the display connections open on this node.
	@Scheduled(fixedRateString = "${tongban.hall.queue.heartbeat-seconds:15}", timeUnit = TimeUnit.SECONDS)
	void heartbeat() {
		emitters.forEach((pointId, ofPoint) -> ofPoint.forEach(emitter -> send(ofPoint, emitter, SseEmitter.event().comment("heartbeat"))));
	}

	private static void send(Set<SseEmitter> ofPoint, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			synchronized (emitter) {
				emitter.send(event);
			}
		}
		catch (IOException | IllegalStateException e) {
			ofPoint.remove(emitter);
			emitter.completeWithError(e);
		}
	}

	/**
	 * Ends every display connection when the application starts to close, before the web server's graceful shutdown
	 * waits for open requests (an SSE connection never ends by itself); the pages' EventSource reconnects to another node.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		emitters.values().forEach(ofPoint -> ofPoint.forEach(SseEmitter::complete));
	}

	@PreDestroy
	void close() {
		emitters.values().forEach(ofPoint -> ofPoint.forEach(SseEmitter::complete));
		sender.shutdownNow();
	}
}
