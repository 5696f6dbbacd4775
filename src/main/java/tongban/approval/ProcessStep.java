package tongban.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The user tasks the workbench works, in the order of a case: 受理, 即办, 审查, 决定, 送达; by their BPMN task ids. */
public enum ProcessStep {
	ACCEPT("accept"), HANDLE("handle"), REVIEW("review"), DECIDE("decide"), DELIVER("deliver");

	/** Every step's task id, in order. */
	public static final List<String> KNOWN = Arrays.stream(values()).map(ProcessStep::key).toList();

	private final String key;

	ProcessStep(String key) {
		this.key = key;
	}

	/** The task id in the BPMN templates. */
	public String key() {
		return key;
	}

	/** The step of a task id; empty for a task the workbench does not know. */
	public static Optional<ProcessStep> of(String key) {
		return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
	}
}
