package tongban.casework.web;

import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.web.CurrentActor;
import tongban.notification.DeliveryViews;
import tongban.notification.NotificationManagement;

/**
 * 站内消息: a citizen's messages about their cases, newest first; opening the page marks them read. Below them, whether
 * the texts to their mobile and the e-mails to them arrived (masked, with each one's history).
 */
@Controller
class MessagesController {

	private final NotificationManagement notifications;
	private final DeliveryViews deliveries;
	private final IdentityManagement identity;

	MessagesController(NotificationManagement notifications, DeliveryViews deliveries, IdentityManagement identity) {
		this.notifications = notifications;
		this.deliveries = deliveries;
		this.identity = identity;
	}

	/** Texts and e-mails whose delivery the page shows, newest first. */
	static final int DELIVERIES = 20;

	/** Messages a page (the pagination fragment links the others). */
	static final int PAGE_SIZE = 20;

	@GetMapping("/account/messages")
	String messages(@CurrentActor Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		UUID me = actor.accountId();
		model.addAttribute("page", notifications.messages(me, PageRequest.of(Math.clamp(page, 0, 100_000), PAGE_SIZE)));
		model.addAttribute("base", "/account/messages");
		String mobile = identity.contact(me).map(IdentityManagement.Contact::mobile).orElse(null);
		model.addAttribute("deliveries", deliveries.ofPerson(me, mobile, DELIVERIES));
		notifications.markRead(me);
		return "casework/messages";
	}
}
