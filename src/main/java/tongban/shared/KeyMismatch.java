package tongban.shared;

/**
 * A node's keys are not the cluster's: it must not start, because it would write values no other node reads (or read
 * none of theirs). The message is one sentence naming the setting to fix; it is shown instead of a stack trace
 * (ADR 0045).
 */
public class KeyMismatch extends RuntimeException {

	public KeyMismatch(String message) {
		super(message);
	}
}
