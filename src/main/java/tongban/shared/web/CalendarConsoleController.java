package tongban.shared.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.shared.Clocks;
import tongban.shared.StatutoryClock;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/**
 * The working-day calendar in the console (platform admins): the years loaded, each year's days, an upload of the
 * next year's arrangement, and a calculator of due dates.
 */
@Controller
class CalendarConsoleController {

	static final long MAX_UPLOAD = 64 * 1024;

	private final WorkingCalendars calendars;

	CalendarConsoleController(WorkingCalendars calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/console/calendar")
	String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
			@RequestParam(required = false) Integer days, Model model) {
		WorkingCalendar cal = calendars.current();
		int shown = year != null ? year : LocalDate.now(Clocks.ZONE).getYear();
		model.addAttribute("years", calendars.years());
		model.addAttribute("year", shown);
		model.addAttribute("days", calendars.days(shown));
		model.addAttribute("provisionalYear", calendars.current().provisional(shown));
		model.addAttribute("from", from == null ? LocalDate.now(Clocks.ZONE).toString() : from);
		model.addAttribute("limit", days == null ? 20 : days);
		if (from != null && days != null) {
			try {
				LocalDate start = LocalDate.parse(from.strip());
				if (days < 0 || days > 1000) {
					model.addAttribute("calcError", "calendar.calc.days");
				}
				else {
					StatutoryClock clock = new StatutoryClock(start, days, List.of(), 0);
					model.addAttribute("due", clock.due(cal, start));
					model.addAttribute("certain", clock.certain(cal, start));
				}
			}
			catch (DateTimeParseException e) {
				model.addAttribute("calcError", "calendar.calc.date");
			}
		}
		return "shared/calendar";
	}

	@PostMapping("/console/calendar")
	String upload(@RequestParam(required = false) Integer year, @RequestParam(required = false) MultipartFile file,
			Authentication auth, Model model, RedirectAttributes redirect) throws IOException {
		List<WorkingCalendar.Problem> problems;
		if (year == null) {
			problems = List.of(new WorkingCalendar.Problem(0, "calendar.error.yearRange"));
		}
		else if (file == null || file.isEmpty()) {
			problems = List.of(new WorkingCalendar.Problem(0, "calendar.error.file"));
		}
		else if (file.getSize() > MAX_UPLOAD) {
			problems = List.of(new WorkingCalendar.Problem(0, "calendar.error.size"));
		}
		else {
			problems = calendars.upload(year, file.getInputStream(), auth.getName());
		}
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "calendar.uploaded");
			return "redirect:/console/calendar?year=" + year;
		}
		model.addAttribute("problems", problems);
		model.addAttribute("uploadYear", year);
		return page(year, null, null, model);
	}
}
