package tongban.hall.booking.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.directory.ServicePoints;
import tongban.hall.QueueNumbers;
import tongban.hall.booking.Booking;
import tongban.hall.booking.BookingRefused;
import tongban.hall.booking.BookingRules;
import tongban.hall.booking.Bookings;
import tongban.hall.booking.Slots;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 我的预约: a signed-in person books a visit for an item (from the guide's 可预约 badge) in three short steps on one
 * page that works without JavaScript: the point, the day, the slot with what is left of it; then sees the booking code,
 * and may move or cancel it until the cut-off. Someone else's booking is "not found".
 */
@Controller
class BookingController {

	private static final String NEW = "hall/booking/new";

	private final Bookings bookings;
	private final Slots slots;
	private final ServicePoints points;
	private final CatalogManagement catalog;
	private final MessageSource messages;
	private final BookingRules rules;
	private final QueueNumbers numbers;

	BookingController(Bookings bookings, Slots slots, ServicePoints points, CatalogManagement catalog, MessageSource messages,
			BookingRules rules, QueueNumbers numbers) {
		this.rules = rules;
		this.numbers = numbers;
		this.bookings = bookings;
		this.slots = slots;
		this.points = points;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/account/bookings")
	String mine(@CurrentActor Actor actor, Model model) {
		model.addAttribute("bookings", bookings.mine(actor.accountId()).stream().map(this::view).toList());
		return "hall/booking/mine";
	}

	@GetMapping("/account/bookings/{id}")
	String one(@CurrentActor Actor actor, @PathVariable UUID id, Model model) {
		Booking booking = bookings.mine(actor.accountId(), id).orElseThrow(() -> DomainException.notFound("booking"));
		model.addAttribute("b", view(booking));
		model.addAttribute("cutOffHours", rules.cutOff().toHours());
		// the number's own page: place in the queue, estimated wait, the window when called, then the rating
		if (booking.ticketId() != null) {
			numbers.ticket(booking.ticketId()).ifPresent(ticket -> model.addAttribute("ticketToken", ticket.token()));
		}
		return "hall/booking/booking";
	}

	@GetMapping("/account/bookings/new")
	String start(@CurrentActor Actor actor, @RequestParam(required = false) String item, @RequestParam(required = false) String point,
			@RequestParam(required = false) String day, @RequestParam(required = false) String move, Model model, Locale locale) {
		return page(actor, item, point, day, move, null, Map.of(), model, locale);
	}

	@PostMapping("/account/bookings")
	String book(@CurrentActor Actor actor, @RequestParam(required = false) String item, @RequestParam(required = false) String point,
			@RequestParam(required = false) String day, @RequestParam(required = false) String slot,
			@RequestParam(required = false) String move, Model model, RedirectAttributes redirect, Locale locale) {
		Optional<UUID> moving = uuid(move);
		try {
			LocalDate chosenDay = date(day);
			LocalTime start = time(slot);
			Booking booking = moving.isPresent() ? bookings.reschedule(actor, moving.get(), chosenDay, start)
					: bookings.book(actor, new Bookings.Request(item, uuid(point).orElse(null), chosenDay, start));
			redirect.addFlashAttribute("banner", moving.isPresent() ? "hall.booking.moved" : "hall.booking.booked");
			return "redirect:/account/bookings/" + booking.id();
		}
		catch (BookingRefused refused) {
			String text = messages.getMessage("hall.booking.error." + refused.code(), refused.args(), refused.code(), locale);
			return page(actor, item, point, day, move, slot, Map.of(refused.field(), text), model, locale);
		}
	}

	@PostMapping("/account/bookings/{id}/cancel")
	String cancel(@CurrentActor Actor actor, @PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		try {
			bookings.cancel(actor, id);
			redirect.addFlashAttribute("banner", "hall.booking.cancelled");
		}
		catch (BookingRefused refused) {
			redirect.addFlashAttribute("bannerError", "hall.booking.error." + refused.code());
		}
		return "redirect:/account/bookings/" + id;
	}

	/** The booking page at whatever step the choices so far reach; a choice that does not fit is asked again. */
	private String page(Actor actor, String item, String point, String day, String move, String slot, Map<String, String> errors,
			Model model, Locale locale) {
		Optional<Booking> moving = uuid(move).flatMap(id -> bookings.mine(actor.accountId(), id));
		if (move != null && !move.isBlank() && moving.isEmpty()) {
			throw DomainException.notFound("booking");
		}
		String itemCode = moving.map(Booking::itemCode).orElse(item);
		PublishedItem published = catalog.published(itemCode).orElseThrow(() -> DomainException.notFound("item"));
		List<ServicePoints.ServicePoint> choices = slots.pointsFor(published.code());
		Optional<ServicePoints.ServicePoint> chosen = moving.map(Booking::pointId)
			.or(() -> uuid(point))
			.flatMap(id -> choices.stream().filter(p -> p.id().equals(id)).findFirst());
		Map<String, String> shown = new LinkedHashMap<>(errors);
		model.addAttribute("item", published);
		model.addAttribute("points", choices);
		model.addAttribute("point", chosen.orElse(null));
		model.addAttribute("moving", moving.orElse(null));
		model.addAttribute("suspendedUntil", bookings.suspendedUntil(actor.accountId()).orElse(null));
		chosen.ifPresent(p -> {
			model.addAttribute("days", slots.days(p.id()));
			Optional<LocalDate> chosenDay = parse(day).filter(d -> slots.days(p.id()).contains(d));
			if (day != null && !day.isBlank() && chosenDay.isEmpty() && !shown.containsKey("day")) {
				shown.put("day", messages.getMessage("hall.booking.error.hall-booking-no-day", null, locale));
			}
			model.addAttribute("day", chosenDay.orElse(null));
			chosenDay.ifPresent(d -> slots.groupFor(p.id(), published.code(), actor.party().kind() == Party.Kind.LEGAL_PERSON)
				.ifPresent(group -> model.addAttribute("slots", slots.slots(p.id(), group, d).stream()
					.filter(s -> s.startsAt().isAfter(slots.now()))
					.toList())));
		});
		model.addAttribute("slot", slot);
		model.addAttribute("errors", shown);
		return NEW;
	}

	/** A booking with what the pages show beside it. */
	record View(Booking booking, String pointName, String pointAddress, boolean changeable) {
	}

	private View view(Booking booking) {
		Optional<ServicePoints.ServicePoint> point = points.point(booking.pointId());
		return new View(booking, point.map(ServicePoints.ServicePoint::name).orElse(""), point.map(ServicePoints.ServicePoint::address).orElse(""),
				bookings.changeable(booking));
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static Optional<LocalDate> parse(String text) {
		try {
			return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static LocalDate date(String text) {
		return parse(text).orElse(null);
	}

	private static LocalTime time(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
