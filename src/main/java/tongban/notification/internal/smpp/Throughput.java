package tongban.notification.internal.smpp;

import java.util.concurrent.locks.LockSupport;

/**
 * At most {@code perSecond} submissions a second from this node, spaced evenly: each caller takes the next free slot
 * and waits for it. The account's limit is the carrier's; the whole cluster stays under it when each node's share is
 * set (ADR 0055), and a throttled answer from the centre makes the message wait on top of this.
 */
final class Throughput {

	private final long spacingNanos;
	private long nextSlot;

	Throughput(int perSecond) {
		this.spacingNanos = 1_000_000_000L / perSecond;
		this.nextSlot = System.nanoTime();
	}

	/** Takes the next slot only if it is due within one spacing (waiting at most that); false when others are ahead. */
	boolean tryAcquire() {
		long slot;
		synchronized (this) {
			long now = System.nanoTime();
			if (nextSlot - now > spacingNanos) {
				return false;
			}
			slot = Math.max(now, nextSlot);
			nextSlot = slot + spacingNanos;
		}
		long wait;
		while ((wait = slot - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
		return true;
	}

	/** Waits for this caller's slot. */
	void acquire() {
		long slot;
		synchronized (this) {
			long now = System.nanoTime();
			slot = Math.max(now, nextSlot);
			nextSlot = slot + spacingNanos;
		}
		long wait;
		while ((wait = slot - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}
}
