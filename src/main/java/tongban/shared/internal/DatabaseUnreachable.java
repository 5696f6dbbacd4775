package tongban.shared.internal;

import java.time.Duration;

/**
 * The database of {@code SPRING_DATASOURCE_URL} did not answer within {@code TONGBAN_DB_WAIT}; {@link
 * DatabaseUnreachableFailureAnalyzer} turns it into the start's last words, without a stack trace.
 */
class DatabaseUnreachable extends RuntimeException {

	private final String url;
	private final Duration waited;
	private final String failure;

	DatabaseUnreachable(String url, Duration waited, String failure) {
		super("database " + url + " unreachable for " + waited.toSeconds() + " s: " + failure);
		this.url = url;
		this.waited = waited;
		this.failure = failure;
	}

	String url() {
		return url;
	}

	Duration waited() {
		return waited;
	}

	String failure() {
		return failure;
	}
}
