package tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import tongban.identity.internal.ClientRegistrations;
import tongban.notification.NotificationManagement;
import tongban.shared.DemoData;
import tongban.shared.DomainException;

/** Platform admin console: OIDC client registration; in demo mode, the SMS outbox. */
@Controller
class ConsoleController {

	private final ClientRegistrations registrations;
	private final NotificationManagement notifications;
	private final DemoData demo;

	ConsoleController(ClientRegistrations registrations, NotificationManagement notifications, DemoData demo) {
		this.registrations = registrations;
		this.notifications = notifications;
		this.demo = demo;
	}

	@GetMapping("/console/clients")
	String clients(Model model) {
		model.addAttribute("form", ClientForm.empty());
		return page(model);
	}

	@PostMapping("/console/clients")
	String register(@ModelAttribute("form") ClientForm form, BindingResult errors, Model model) {
		ClientRegistrations.Created created = registrations.register(form, errors);
		if (created != null) {
			model.addAttribute("created", created);
			model.addAttribute("form", ClientForm.empty());
		}
		return page(model);
	}

	@GetMapping("/console/sms-outbox")
	String outbox(Model model) {
		if (!demo.enabled()) {
			throw DomainException.notFound("outbox");
		}
		model.addAttribute("messages", notifications.outbox(50));
		return "identity/sms-outbox";
	}

	private String page(Model model) {
		model.addAttribute("clients", registrations.list());
		model.addAttribute("allScopes", ClientRegistrations.SCOPES.stream().sorted().toList());
		model.addAttribute("allGrants", ClientRegistrations.GRANTS.stream().sorted().toList());
		return "identity/clients";
	}
}
