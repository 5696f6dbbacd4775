package tongban.casework.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tongban.casework.CaseEvents;
import tongban.casework.CaseId;
import tongban.casework.CaseOutcome;
import tongban.casework.CaseSubmitted;
import tongban.casework.Cases;
import tongban.casework.Notice;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;

/**
 * Tells the applicant at every status change, in-app, by e-mail and by SMS. Each listener runs inside the change's
 * own transaction: the in-app message and the queued e-mail and SMS commit with the change or not at all, and the
 * notification module sends the queued ones after the commit (retrying when a server refuses).
 */
@Component
class CaseNotifications {

	private final Cases cases;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final String baseUrl;

	CaseNotifications(Cases cases, IdentityManagement identity, NotificationManagement notifications,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.cases = cases;
		this.identity = identity;
		this.notifications = notifications;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@EventListener
	void on(CaseSubmitted e) {
		// the event names all the notice needs: no read of the case
		send(e.caseId(), new Notice(e.applicantAccountId(), e.itemName(), e.caseNumber(), e.promisedDate()), "CASE_SUBMITTED",
				Map.of());
	}

	@EventListener
	void on(CaseEvents.CaseAccepted e) {
		send(e.caseId(), "CASE_ACCEPTED", Map.of("acceptanceNo", e.acceptanceNo()));
	}

	@EventListener
	void on(CaseEvents.SupplementRequested e) {
		send(e.caseId(), "SUPPLEMENT_REQUESTED", Map.of("materials", String.join("、", e.materials())));
	}

	@EventListener
	void on(CaseEvents.CaseApproved e) {
		send(e.caseId(), "CASE_APPROVED", Map.of());
	}

	@EventListener
	void on(CaseEvents.SpecialProcedureStarted e) {
		send(e.caseId(), "SPECIAL_PROCEDURE", Map.of("kind", e.kind(), "reason", e.reason()));
	}

	@EventListener
	void on(CaseEvents.CaseExtended e) {
		send(e.caseId(), "CASE_EXTENDED", Map.of("days", Integer.toString(e.days()), "reason", e.reason()));
	}

	@EventListener
	void on(CaseEvents.CaseDenied e) {
		send(e.caseId(), "CASE_DENIED", Map.of("reason", e.reason() == null ? "" : e.reason()));
	}

	@EventListener
	void on(CaseEvents.CaseConcluded e) {
		if (e.outcome() == CaseOutcome.APPROVED || e.outcome() == CaseOutcome.REFUSED) {
			send(e.caseId(), "CASE_CONCLUDED", Map.of());
		}
	}

	private void send(CaseId caseId, String event, Map<String, String> extra) {
		send(caseId, cases.notice(caseId).orElseThrow(), event, extra);
	}

	private void send(CaseId caseId, Notice c, String event, Map<String, String> extra) {
		var contact = identity.contact(c.applicantAccountId()).orElseThrow();
		Map<String, String> vars = new HashMap<>(extra);
		vars.put("itemName", c.itemName());
		vars.put("caseNumber", c.caseNumber() == null ? "" : c.caseNumber());
		vars.put("promisedDate", c.promisedDate() == null ? "" : c.promisedDate().toString());
		notifications.notify(contact.recipient(),
				event, vars, baseUrl + "/cases/" + caseId, caseId.value());
	}
}
