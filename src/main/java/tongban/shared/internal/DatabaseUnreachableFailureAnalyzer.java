package tongban.shared.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A node that gave up on its database says so in two lines, not in a wall of nested exceptions. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachable cause) {
		return new FailureAnalysis("The database at " + cause.url() + " could not be used: " + cause.failure() + " (gave up after "
				+ cause.waited().toSeconds() + " s).",
				"Start PostgreSQL or correct SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD); to wait longer at start, raise TONGBAN_DB_WAIT.",
				cause);
	}
}
