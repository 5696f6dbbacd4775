package tongban.shared.internal;

/**
 * The platform would serve its demo accounts at a public address: it must not start (issue 24 §3). The message is one
 * sentence in Chinese and English naming the settings to change, shown instead of a stack trace
 * ({@link DemoExposedFailureAnalyzer}).
 */
class DemoExposed extends RuntimeException {

	DemoExposed(String message) {
		super(message);
	}
}
