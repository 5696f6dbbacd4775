package tongban.notification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.notification.NotificationManagement;

/** Sends the queued e-mails and text messages a moment after the changes that queued them commit. */
@Component
class DeliveryScheduler {

	private final NotificationManagement notifications;

	DeliveryScheduler(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@Scheduled(fixedDelayString = "${tongban.notification.delivery-interval:300ms}")
	@SchedulerLock(name = "notification.delivery", lockAtMostFor = "PT2M", lockAtLeastFor = "PT0.25S")
	void deliver() {
		while (notifications.deliver(100) == 100) {
			// a full batch: more may be waiting
		}
	}
}
