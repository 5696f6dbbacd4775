package tongban.shared.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM a node first tells the load balancer to stop sending, then goes on serving for {@code TONGBAN_DRAIN}
 * (at least one health-check interval times the checks the balancer needs to take it out), and only then lets the web
 * server's graceful shutdown refuse new connections and wait for the requests in flight
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}). Without the wait, requests the balancer sent in the second
 * before its next check would meet a closed port: a GET would be retried elsewhere, a POST could not safely be.
 * <p>
 * It listens to {@link ContextClosedEvent}, which Spring publishes before it stops any lifecycle bean, so during the
 * drain the scheduler, the event executor and the database pool all still run (a phase of a {@code SmartLifecycle}
 * would share its turn with those). Readiness is {@code REFUSING_TRAFFIC} from here on (Boot also says so as the web
 * context closes); liveness stays up. A node that never became ready (a failed start) does not wait.
 * ADR 0049.
 */
@Component
class GracefulDrain {

	private static final Logger log = LoggerFactory.getLogger(GracefulDrain.class);

	private final Duration drain;
	private final ApplicationContext context;
	private final CountDownLatch never = new CountDownLatch(1);
	private volatile boolean served;

	GracefulDrain(@Value("${tongban.node.drain:5s}") Duration drain, ApplicationContext context) {
		this.drain = drain;
		this.context = context;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() == context) {
			served = true;
		}
	}

	@EventListener
	void closing(ContextClosedEvent event) throws InterruptedException {
		if (event.getApplicationContext() != context || !served || drain.isZero() || drain.isNegative()) {
			return;
		}
		served = false;
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		log.info("draining: readiness is down, still serving for {} s before the web server stops taking requests", drain.toSeconds());
		// waits out the drain (no one counts this latch down); interruptible, unlike a busy loop
		boolean released = never.await(drain.toMillis(), TimeUnit.MILLISECONDS);
		log.info("drained{}: in-flight requests finish, then the node stops", released ? " early" : "");
	}
}
