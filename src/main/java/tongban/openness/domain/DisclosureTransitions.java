package tongban.openness.domain;

import static tongban.openness.Disclosure.Status.ANSWERED;
import static tongban.openness.Disclosure.Status.CONSULTING;
import static tongban.openness.Disclosure.Status.RECEIVED;
import static tongban.openness.Disclosure.Status.SUPPLEMENT_REQUESTED;
import static tongban.openness.Disclosure.Status.WITHDRAWN;

import tongban.openness.Disclosure;
import tongban.openness.DisclosureEvents.ConsultationEnded;
import tongban.openness.DisclosureEvents.ConsultationStarted;
import tongban.openness.DisclosureEvents.DeemedWithdrawn;
import tongban.openness.DisclosureEvents.RequestAnswered;
import tongban.openness.DisclosureEvents.SupplementAnswered;
import tongban.openness.DisclosureEvents.SupplementRequested;
import tongban.shared.StateGraph;

/**
 * Every move a request for government information may make and the event it publishes. A request is received at once
 * (the platform's acknowledgment is the confirmation of Art. 31(三)); a move not written here is refused with the
 * conflict {@code disclosure-state} (409: the request moved on since the page was shown).
 */
public final class DisclosureTransitions {

	public static final String CONFLICT_CODE = "disclosure-state";

	public static final StateGraph<Disclosure.Status> GRAPH = StateGraph.of(Disclosure.Status.class)
		// 补正 (Art. 30): asked once within 7 working days of receipt; answered, or deemed withdrawn
		.edge(RECEIVED, SUPPLEMENT_REQUESTED, SupplementRequested.class)
		.edge(SUPPLEMENT_REQUESTED, RECEIVED, SupplementAnswered.class)
		.edge(SUPPLEMENT_REQUESTED, WITHDRAWN, DeemedWithdrawn.class)
		// 征求第三方意见 (Art. 32)
		.edge(RECEIVED, CONSULTING, ConsultationStarted.class)
		.edge(CONSULTING, RECEIVED, ConsultationEnded.class)
		// 答复 (Art. 36)
		.edge(RECEIVED, ANSWERED, RequestAnswered.class)
		.build(CONFLICT_CODE);

	private DisclosureTransitions() {
	}
}
