package tongban.insight.indicators.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.audit.AuditTrail;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.indicators.BackfillRun;
import tongban.insight.indicators.IndicatorBackfill;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * {@code /console/insight}: a platform admin rebuilds the daily counters of a period from the records (the same
 * rebuild as {@code bin/insight-backfill}) and sees the last run. The rebuild runs in the background; the page shows it
 * running until it is done.
 */
@Controller
class BackfillConsoleController {

	static final String AUDIT_KIND = "INSIGHT_BACKFILL";

	private final IndicatorBackfill backfill;
	private final AuditTrail audit;

	BackfillConsoleController(IndicatorBackfill backfill, AuditTrail audit) {
		this.backfill = backfill;
		this.audit = audit;
	}

	@GetMapping("/console/insight")
	String page(Model model) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return show(today.minusDays(364).toString(), today.toString(), null, model);
	}

	@PostMapping("/console/insight/backfill")
	String rebuild(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@CurrentStaff(missing = "insight") StaffMember staff, Model model, RedirectAttributes redirect) {
		LocalDate first = day(from);
		LocalDate last = day(to);
		String error = first == null ? "from" : last == null ? "to" : null;
		if (error == null) {
			try {
				BackfillRun run = backfill.start(first, last, staff.name());
				audit.record(AUDIT_KIND, "staff:" + staff.id(), "insight_daily " + run.from() + ".." + run.to(), "rebuild started");
				redirect.addFlashAttribute("banner", "insight.indicators.backfill.started");
				return "redirect:/console/insight";
			}
			catch (DomainException e) {
				error = switch (e.code()) {
					case "insight-backfill-future" -> "future";
					case "insight-backfill-running" -> "running";
					default -> "period";
				};
			}
		}
		return show(from, to, error, model);
	}

	private String show(String from, String to, String error, Model model) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("error", error);
		model.addAttribute("errorField", "to".equals(error) || "future".equals(error) ? "to" : "from");
		model.addAttribute("run", backfill.lastRun().orElse(null));
		model.addAttribute("maxDays", IndicatorBackfill.MAX_DAYS);
		return "insight/indicators/backfill";
	}

	/** A day as typed (yyyy-MM-dd); null when it is not one. */
	static LocalDate day(String text) {
		String typed = text == null ? "" : text.strip();
		if (typed.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
