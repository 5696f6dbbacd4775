package tongban.exchange.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.exchange.AccessRecords;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/** Reports of reads for the supervisors of the reading departments' region, and their answers. */
@Controller
class ReadReportController {

	private final AccessRecords records;

	ReadReportController(AccessRecords records) {
		this.records = records;
	}

	@GetMapping("/workbench/data-reports")
	String reports(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("reports", records.reports(ExchangeStaff.supervisor(staff).regionScope()));
		return "exchange/reports";
	}

	@PostMapping("/workbench/data-reports/{id}")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		ExchangeStaff.supervisor(staff);
		try {
			records.answer(id, staff.regionScope(), answer, staff.name());
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("answerError", "error." + e.code());
			model.addAttribute("answerReport", id);
			return reports(staff, model);
		}
		redirect.addFlashAttribute("banner", "exchange.report.answered");
		return "redirect:/workbench/data-reports";
	}
}
