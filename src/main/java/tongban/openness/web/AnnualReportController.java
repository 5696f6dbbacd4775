package tongban.openness.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.directory.DirectoryManagement;
import tongban.openness.DisclosureAnnualReport;
import tongban.shared.DomainException;

/** The public 政府信息公开工作年度报告 tables of a department: the years, and each year's tables computed from the records. */
@Controller
class AnnualReportController {

	private final DisclosureAnnualReport reports;
	private final DirectoryManagement directory;

	AnnualReportController(DisclosureAnnualReport reports, DirectoryManagement directory) {
		this.reports = reports;
		this.directory = directory;
	}

	@GetMapping("/openness/{department}/annual-report")
	String years(@PathVariable String department, Model model) {
		model.addAttribute("department", directory.departmentByCode(department).orElseThrow(() -> DomainException.notFound("department")));
		model.addAttribute("years", reports.years(department));
		return "openness/disclosure/annual-reports";
	}

	@GetMapping("/openness/{department}/annual-report/{year}")
	String report(@PathVariable String department, @PathVariable int year, Model model) {
		model.addAttribute("report", reports.report(department, year).orElseThrow(() -> DomainException.notFound("report")));
		return "openness/disclosure/annual-report";
	}
}
