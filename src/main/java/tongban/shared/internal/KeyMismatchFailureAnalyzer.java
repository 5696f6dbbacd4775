package tongban.shared.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import tongban.shared.KeyMismatch;

/** A node with keys other than the cluster's stops with the one sentence of its {@link KeyMismatch}, not a stack trace. */
class KeyMismatchFailureAnalyzer extends AbstractFailureAnalyzer<KeyMismatch> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyMismatch cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Every node of a cluster needs the same data keys; see docs/cluster.md, section \"Keys\".", cause);
	}
}
