package tongban.casework.web;

import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.notification.NotificationManagement;

/** 站内消息: a citizen's messages about their cases, newest first; opening the page marks them read. */
@Controller
class MessagesController {

	private final NotificationManagement notifications;

	MessagesController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	/** Messages a page (the pagination fragment links the others). */
	static final int PAGE_SIZE = 20;

	@GetMapping("/account/messages")
	String messages(@CurrentActor Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		UUID me = actor.accountId();
		model.addAttribute("page", notifications.messages(me, PageRequest.of(Math.clamp(page, 0, 100_000), PAGE_SIZE)));
		model.addAttribute("base", "/account/messages");
		notifications.markRead(me);
		return "casework/messages";
	}
}
