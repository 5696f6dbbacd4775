package tongban.openness.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tongban.notification.NotificationManagement;
import tongban.openness.DisclosureEvents;
import tongban.openness.domain.DisclosureRepository;

/**
 * Tells the applicant, in the step's transaction, through the notification module's in-app messages: the
 * acknowledgment of receipt (Art. 31), the 补正 asked, the extension approved and the answer given; each links to the
 * request at 我的申请.
 */
@Component
class DisclosureNotifications {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final NotificationManagement notifications;
	private final DisclosureRepository repository;
	private final DisclosureViews views;

	DisclosureNotifications(NotificationManagement notifications, DisclosureRepository repository, DisclosureViews views) {
		this.notifications = notifications;
		this.repository = repository;
		this.views = views;
	}

	@EventListener
	void on(DisclosureEvents.RequestReceived e) {
		tell(e.requestId(), "DISCLOSURE_RECEIVED", Map.of("due", DATE.format(e.due())));
	}

	@EventListener
	void on(DisclosureEvents.SupplementRequested e) {
		tell(e.requestId(), "DISCLOSURE_SUPPLEMENT", Map.of("note", e.note(), "until", DATE.format(e.until())));
	}

	@EventListener
	void on(DisclosureEvents.ExtensionApproved e) {
		tell(e.requestId(), "DISCLOSURE_EXTENDED", Map.of("days", Integer.toString(e.days()), "reason", e.reason(), "due", DATE.format(e.due())));
	}

	@EventListener
	void on(DisclosureEvents.RequestAnswered e) {
		tell(e.requestId(), "DISCLOSURE_ANSWERED", Map.of("outcome", e.outcome().describe()));
	}

	@EventListener
	void on(DisclosureEvents.DeemedWithdrawn e) {
		tell(e.requestId(), "DISCLOSURE_WITHDRAWN", Map.of());
	}

	private void tell(UUID requestId, String event, Map<String, String> extra) {
		DisclosureRepository.Row r = repository.byId(requestId).orElseThrow();
		Map<String, String> vars = new HashMap<>(extra);
		vars.put("number", r.number());
		vars.put("department", views.brief(r).departmentName());
		notifications.notify(new NotificationManagement.Recipient(r.applicantAccountId(), r.applicantName(), null, null), event, vars,
				"/disclosure/" + r.number());
	}
}
