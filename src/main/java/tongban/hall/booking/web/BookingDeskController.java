package tongban.hall.booking.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.ServicePoints;
import tongban.hall.booking.Booking;
import tongban.hall.booking.BookingDesk;
import tongban.hall.booking.Slots;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * 预约报到: the clerk sees the day's bookings of their own point by slot (names masked) and checks a person in by the
 * booking code or their ID card number; the queue number taken is shown at once. A clerk who works at no window is
 * told so; a booking of another point or day is "not found".
 */
@Controller
class BookingDeskController {

	private final BookingDesk desk;
	private final Slots slots;

	BookingDeskController(BookingDesk desk, Slots slots) {
		this.desk = desk;
		this.slots = slots;
	}

	/** A row of the day's list: the booking with the booker's name masked. */
	record Row(Booking booking, String maskedName) {
	}

	@GetMapping("/workbench/hall/bookings")
	String day(@CurrentStaff StaffMember clerk, @RequestParam(required = false) String day, Model model) {
		ServicePoints.ServicePoint point = desk.pointOf(clerk).orElse(null);
		if (point == null) {
			return "hall/booking/no-window";
		}
		LocalDate shown = slots.today();
		try {
			shown = day == null || day.isBlank() || day.length() > 10 ? shown : LocalDate.parse(day);
		}
		catch (DateTimeParseException e) {
			// today's list
		}
		List<Row> rows = desk.day(clerk, shown).stream().map(b -> new Row(b, Masking.name(b.personName()))).toList();
		model.addAttribute("point", point);
		model.addAttribute("day", shown);
		model.addAttribute("today", slots.today());
		model.addAttribute("rows", rows);
		return "hall/booking/desk";
	}

	@PostMapping("/workbench/hall/bookings/check-in")
	String checkIn(@CurrentStaff StaffMember clerk, @RequestParam(required = false) String code,
			@RequestParam(required = false) String idNumber, RedirectAttributes redirect) {
		try {
			Booking booking = code != null && !code.isBlank() ? desk.checkInByCode(clerk, code) : desk.checkInByIdNumber(clerk, idNumber);
			redirect.addFlashAttribute("checkedIn", booking);
			redirect.addFlashAttribute("checkedInName", Masking.name(booking.personName()));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("bannerError", e.kind() == DomainException.Kind.NOT_FOUND ? "hall.booking.desk.notFound"
					: "hall.booking.error." + e.code());
		}
		return "redirect:/workbench/hall/bookings";
	}
}
