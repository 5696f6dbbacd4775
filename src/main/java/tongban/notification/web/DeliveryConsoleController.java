package tongban.notification.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.audit.AuditTrail;
import tongban.notification.BouncedAddresses;
import tongban.notification.DeliveryViews;
import tongban.notification.NotificationDeliveries;
import tongban.notification.NotificationDeliveries.DayCount;
import tongban.notification.internal.DeliveryLedger;
import tongban.shared.Clocks;
import tongban.shared.Masking;
import tongban.shared.MobileNumber;

/**
 * The platform admin's delivery dashboard (/console/deliveries, platform admins only as all of /console): messages per
 * day and channel over the last 30 days by where they stand, and a search by mobile number or e-mail address that shows
 * that address's messages masked with their history and whether it bounced. Every search is recorded in the audit
 * trail (DATA_READ, the searcher and the address's blind index) before the result is shown: whose phone got which
 * texts is personal information (个人信息保护法 Art. 4).
 *
 * <p>Who searches is the signed-in account's id from Spring Security, as the shared console pages take it: the
 * identity module's resolvers cannot be used here, since identity itself sends its codes through this module.
 */
@Controller
class DeliveryConsoleController {

	/** Days the dashboard covers, today included. */
	static final int DAYS = 30;

	/** Messages a search shows at most, newest first. */
	static final int SEARCH_LIMIT = 50;

	/** An e-mail address as the platform takes one (identity's rule: at most 254 characters, one @, a dotted domain). */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s.]{2,}");

	/** Spaces and hyphens people type inside a mobile number (138 0013 8000, 138-0013-8000). */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

	private final NotificationDeliveries deliveries;
	private final DeliveryViews views;
	private final BouncedAddresses bounced;
	private final DeliveryLedger ledger;
	private final AuditTrail audit;
	private final Clock clock;

	DeliveryConsoleController(NotificationDeliveries deliveries, DeliveryViews views, BouncedAddresses bounced, DeliveryLedger ledger,
			AuditTrail audit, Clock clock) {
		this.deliveries = deliveries;
		this.views = views;
		this.bounced = bounced;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/console/deliveries")
	String dashboard(Model model) {
		return page("", null, model);
	}

	@PostMapping("/console/deliveries")
	String search(@RequestParam(name = "address", defaultValue = "") String typed, Authentication auth, Model model) {
		Optional<String> address = address(typed);
		if (address.isEmpty()) {
			return page(typed, "notification.console.error.address", model);
		}
		List<DeliveryViews.Line> found = views.toAddress(address.get(), SEARCH_LIMIT);
		String masked = masked(address.get());
		audit.record(AuditTrail.DATA_READ, "staff:" + auth.getName(), "notification-address:" + ledger.addressIndex(address.get()),
				"通知送达查询：" + masked + "，" + found.size() + " 条");
		model.addAttribute("searched", masked);
		model.addAttribute("found", found);
		model.addAttribute("limit", SEARCH_LIMIT);
		model.addAttribute("bounce", address.get().contains("@") ? bounced.of(address.get()).orElse(null) : null);
		return page("", null, model);
	}

	/** A mobile number (separators taken out) or an e-mail address (in lower case); empty for anything else. */
	static Optional<String> address(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty() || text.length() > 254) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(text).replaceAll("");
		if (MobileNumber.valid(digits)) {
			return Optional.of(digits);
		}
		return EMAIL.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
	}

	static String masked(String address) {
		int at = address.indexOf('@');
		return at < 0 ? Masking.mobile(address) : address.charAt(0) + "***" + address.substring(at);
	}

	private String page(String typed, String error, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(Clocks.ZONE));
		LocalDate from = today.minusDays(DAYS - 1);
		List<DayCount> days = deliveries.daily(from, today);
		model.addAttribute("from", from);
		model.addAttribute("to", today);
		model.addAttribute("days", days);
		model.addAttribute("totals", totals(days));
		model.addAttribute("chart", Chart.of(days, from, today));
		model.addAttribute("typed", error == null ? "" : typed);
		model.addAttribute("error", error);
		return "notification/console-deliveries";
	}

	/** The 30 days' figures per channel. */
	static List<DayCount> totals(List<DayCount> days) {
		Map<String, DayCount> byChannel = new LinkedHashMap<>();
		for (DayCount day : days) {
			byChannel.merge(day.channel(), day, (a, b) -> new DayCount(null, a.channel(), a.waiting() + b.waiting(), a.sending() + b.sending(),
					a.sent() + b.sent(), a.delivered() + b.delivered(), a.failed() + b.failed()));
		}
		return List.copyOf(byChannel.values());
	}

	/**
	 * The chart's series, every day of the period oldest first (both channels together); the table beside it carries the
	 * same figures for readers without JavaScript or a screen.
	 */
	record Chart(String days, String waiting, String sent, String delivered, String failed) {

		static Chart of(List<DayCount> counts, LocalDate from, LocalDate to) {
			List<String> labels = new ArrayList<>();
			List<Long> waiting = new ArrayList<>();
			List<Long> sent = new ArrayList<>();
			List<Long> delivered = new ArrayList<>();
			List<Long> failed = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				LocalDate current = day;
				List<DayCount> ofDay = counts.stream().filter(count -> current.equals(count.day())).toList();
				labels.add(day.toString().substring(5));
				waiting.add(ofDay.stream().mapToLong(count -> count.waiting() + count.sending()).sum());
				sent.add(ofDay.stream().mapToLong(DayCount::sent).sum());
				delivered.add(ofDay.stream().mapToLong(DayCount::delivered).sum());
				failed.add(ofDay.stream().mapToLong(DayCount::failed).sum());
			}
			return new Chart(String.join(",", labels), join(waiting), join(sent), join(delivered), join(failed));
		}

		private static String join(List<Long> values) {
			return String.join(",", values.stream().map(String::valueOf).toList());
		}
	}
}
