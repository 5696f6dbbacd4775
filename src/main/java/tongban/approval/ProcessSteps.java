package tongban.approval;

import java.util.List;

/** The user-task ids the workbench works, in the order of a case: 受理, 即办, 审查, 决定, 送达. */
public final class ProcessSteps {

	public static final List<String> KNOWN = List.of("accept", "handle", "review", "decide", "deliver");

	private ProcessSteps() {
	}
}
