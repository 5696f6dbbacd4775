package tongban.casework.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.notification.NotificationManagement;

/** 站内消息: a citizen's messages about their cases, newest first; opening the page marks them read. */
@Controller
class MessagesController {

	private final NotificationManagement notifications;

	MessagesController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/account/messages")
	String messages(Authentication auth, Model model) {
		UUID me = UUID.fromString(auth.getName());
		model.addAttribute("messages", notifications.messages(me, 100));
		notifications.markRead(me);
		return "casework/messages";
	}
}
