package tongban.hall.booking.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.catalog.CatalogManagement;
import tongban.hall.booking.Booking;
import tongban.hall.booking.BookingRefused;
import tongban.hall.booking.Bookings;
import tongban.hall.booking.Slots;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.web.Problems;

/**
 * 预约 through the API (scope {@code appointments}): the holder's bookings, the slots of a point for an item on a day,
 * booking and cancelling. A refusal is 409 problem+json with a stable {@code code}, the {@code field} it concerns and
 * the reason in words; input that is not a date, time or id is 422; someone else's booking is 404.
 */
@RestController
@Tag(name = "appointments", description = "预约")
class BookingApiController {

	/** A booking as the API shows it. */
	record BookingDto(UUID id, String code, String itemCode, String itemName, UUID pointId, String series, LocalDate day, Instant startsAt,
			Instant endsAt, String status, String queueNumber) {

		static BookingDto of(Booking b) {
			return new BookingDto(b.id(), b.code(), b.itemCode(), b.itemName(), b.pointId(), b.series().name(), b.day(), b.startsAt(),
					b.endsAt(), b.status().name(), b.ticketLabel());
		}
	}

	/** A slot with its capacity and the places left. */
	record SlotDto(String start, String end, Instant startsAt, String series, int capacity, int left) {
	}

	/** What booking needs: the item code, the point id, the day (yyyy-MM-dd) and the slot's start (HH:mm). */
	record NewBooking(String item, String point, String day, String start) {
	}

	private final Bookings bookings;
	private final Slots slots;
	private final CatalogManagement catalog;
	private final Problems problems;
	private final MessageSource messages;

	BookingApiController(Bookings bookings, Slots slots, CatalogManagement catalog, Problems problems, MessageSource messages) {
		this.bookings = bookings;
		this.slots = slots;
		this.catalog = catalog;
		this.problems = problems;
		this.messages = messages;
	}

	@Operation(summary = "My appointments, the coming ones first", security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/api/hall/bookings")
	List<BookingDto> mine(@CurrentActor Actor actor) {
		return bookings.mine(actor.accountId()).stream().map(BookingDto::of).toList();
	}

	@Operation(summary = "One of my appointments", security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/api/hall/bookings/{id}")
	BookingDto one(@CurrentActor Actor actor, @PathVariable UUID id) {
		return bookings.mine(actor.accountId(), id).map(BookingDto::of).orElseThrow(() -> DomainException.notFound("booking"));
	}

	@Operation(summary = "The slots of a point for an item on a day (from tomorrow to the horizon), with the places left",
			security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/api/hall/bookings/slots")
	List<SlotDto> slots(@CurrentActor Actor actor, @RequestParam(required = false) String point, @RequestParam(required = false) String item,
			@RequestParam(required = false) String day) {
		UUID pointId = uuid(point, "point");
		LocalDate date = date(day);
		String code = catalog.published(item).orElseThrow(() -> DomainException.notFound("item")).code();
		if (!slots.withinHorizon(date)) {
			return List.of();
		}
		return slots.groupFor(pointId, code, actor.party().kind() == Party.Kind.LEGAL_PERSON)
			.map(group -> slots.slots(pointId, group, date).stream()
				.map(s -> new SlotDto(s.start().toString(), s.end().toString(), s.startsAt(), s.series().name(), s.capacity(), s.left()))
				.toList())
			.orElse(List.of());
	}

	@Operation(summary = "Book a slot; refused with the reason (full, past, closed, beyond the horizon, twice, suspended)",
			security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/api/hall/bookings")
	ResponseEntity<BookingDto> book(@CurrentActor Actor actor, @RequestBody(required = false) NewBooking body) {
		NewBooking asked = body == null ? new NewBooking(null, null, null, null) : body;
		Booking booking = bookings.book(actor, new Bookings.Request(asked.item(), uuid(asked.point(), "point"), date(asked.day()), time(asked.start())));
		return ResponseEntity.created(URI.create("/api/hall/bookings/" + booking.id())).body(BookingDto.of(booking));
	}

	@Operation(summary = "Cancel my appointment (until the cut-off before its slot)", security = @SecurityRequirement(name = "bearer"))
	@DeleteMapping("/api/hall/bookings/{id}")
	BookingDto cancel(@CurrentActor Actor actor, @PathVariable UUID id) {
		return BookingDto.of(bookings.cancel(actor, id));
	}

	@ExceptionHandler(BookingRefused.class)
	ResponseEntity<ProblemDetail> refused(BookingRefused e, HttpServletRequest request, Locale locale) {
		ProblemDetail p = problems.of(request, HttpStatus.CONFLICT, e.code(), null, e.args());
		p.setTitle(messages.getMessage("hall.booking.error." + e.code(), e.args(), e.code(), locale));
		p.setProperty("field", e.field());
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
	}

	private static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-booking-bad-" + field, "not an id");
		}
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-booking-bad-day", "not a date");
		}
	}

	private static LocalTime time(String text) {
		try {
			return LocalTime.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			throw new DomainException(DomainException.Kind.INVALID, "hall-booking-bad-start", "not a time");
		}
	}
}
