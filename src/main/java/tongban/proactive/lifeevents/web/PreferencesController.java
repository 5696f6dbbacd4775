package tongban.proactive.lifeevents.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.notification.NotificationPreferences;
import tongban.notification.NotificationPreferences.Preferences;
import tongban.notification.Topic;

/**
 * 消息设置: the signed-in person's notification preferences (kept by the notification module): text messages and
 * e-mail on or off, quiet hours, and the topics of messages sent of the government's own accord they want. The page
 * says what cannot be turned off (notices about their own cases) and that recommendations stay listed on 为您推荐.
 */
@Controller
class PreferencesController {

	private static final String PAGE = "proactive/lifeevents/preferences";

	private final NotificationPreferences preferences;

	PreferencesController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	/** The form as typed: times as HH:mm, the topics wanted (unticked ones are opted out of). */
	record Form(boolean sms, boolean email, boolean quiet, String quietFrom, String quietUntil, Set<String> topics) {

		static Form of(Preferences chosen) {
			Set<String> wanted = new LinkedHashSet<>();
			Arrays.stream(Topic.values()).filter(chosen::wants).forEach(topic -> wanted.add(topic.name()));
			return new Form(chosen.sms(), chosen.email(), chosen.quietFrom() != null, chosen.quietFrom() == null ? "21:00" : chosen.quietFrom().toString(),
					chosen.quietUntil() == null ? "08:00" : chosen.quietUntil().toString(), wanted);
		}
	}

	@GetMapping("/account/notifications/preferences")
	String page(@CurrentActor(fullScope = true) Actor actor, Model model) {
		return show(Form.of(preferences.of(actor.accountId())), Map.of(), model);
	}

	@PostMapping("/account/notifications/preferences")
	String save(@CurrentActor(fullScope = true) Actor actor, @RequestParam(defaultValue = "false") boolean sms,
			@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "false") boolean quiet,
			@RequestParam(defaultValue = "") String quietFrom, @RequestParam(defaultValue = "") String quietUntil,
			@RequestParam(required = false) List<String> topics, Model model, RedirectAttributes redirect) {
		Set<String> wanted = topics == null ? Set.of() : Set.copyOf(topics);
		Form form = new Form(sms, email, quiet, quietFrom, quietUntil, wanted);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalTime from = quiet ? time(quietFrom, "quietFrom", errors) : null;
		LocalTime until = quiet ? time(quietUntil, "quietUntil", errors) : null;
		if (errors.isEmpty() && quiet && from.equals(until)) {
			errors.put("quietUntil", "notification.preference.error.same");
		}
		if (!errors.isEmpty()) {
			return show(form, errors, model);
		}
		Set<Topic> optedOut = EnumSet.noneOf(Topic.class);
		Arrays.stream(Topic.values()).filter(topic -> !wanted.contains(topic.name())).forEach(optedOut::add);
		preferences.save(actor.accountId(), new Preferences(sms, email, from, until, optedOut));
		redirect.addFlashAttribute("banner", "notification.preference.saved");
		return "redirect:/account/notifications/preferences";
	}

	private static LocalTime time(String text, String field, Map<String, String> errors) {
		try {
			if (text.strip().matches("\\d{1,2}:\\d{2}")) {
				return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		errors.put(field, "notification.preference.error.time");
		return null;
	}

	private static String show(Form form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("topics", Topic.values());
		return PAGE;
	}
}
