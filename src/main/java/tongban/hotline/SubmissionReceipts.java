package tongban.hotline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tongban.notification.NotificationManagement;
import tongban.notification.Regarding;
import tongban.shared.MobileNumber;

/**
 * The text a submitter gets once a ticket is saved: its number and the link to follow it (with the number filled in, so
 * only the phone is left to type). Queued in the ticket's transaction, so no number is texted for a ticket that was not
 * saved, and handed to the SMS centre once it commits; about the ticket, so its delivery shows on the ticket's page. A
 * landline (a caller registered by an operator) gets none.
 */
@Component
class SubmissionReceipts {

	private final NotificationManagement notifications;
	private final String publicUrl;

	SubmissionReceipts(NotificationManagement notifications, @Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.notifications = notifications;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	static String text(String number, String link) {
		return "【12345】您的诉求已受理，编号 " + number + "。凭编号和本手机号查询办理进度：" + link;
	}

	void send(TicketId ticket, String phone, String number) {
		if (!MobileNumber.valid(phone)) {
			return;
		}
		// queued in the ticket's transaction and handed over right after it commits (NotificationManagement.sendSms):
		// nothing is texted for a ticket that was not saved. Not from an afterCommit callback of our own: work done there
		// joins a transaction that has already committed, and the hand-over would wait for the queue.
		notifications.sendSms(phone, text(number, publicUrl + "/hotline/follow?number=" + number), Regarding.ticket(ticket.value()));
	}
}
