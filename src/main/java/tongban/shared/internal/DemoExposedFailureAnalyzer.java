package tongban.shared.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused because demo accounts would be public ends with the refusal's one sentence, not a stack trace. */
class DemoExposedFailureAnalyzer extends AbstractFailureAnalyzer<DemoExposed> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoExposed cause) {
		return new FailureAnalysis(cause.getMessage(), "See docs/operations.md, section \"Demo mode\".", cause);
	}
}
