package tongban.insight.assessment.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.SupervisionOrders;
import tongban.insight.assessment.internal.AssessmentReports;
import tongban.insight.assessment.internal.MonthlyAssessment;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 考核: the monthly score and ranking of the departments. A supervisor or leader sees their region's ranking, a
 * platform admin the home region's, a department admin only their own department's row (with its rank); the sealed
 * report of a department outside what the viewer sees is "not found".
 */
@Controller
class AssessmentController {

	private final MonthlyAssessment assessment;
	private final AssessmentReports reports;
	private final DirectoryManagement directory;
	private final SupervisionOrders orders;

	AssessmentController(MonthlyAssessment assessment, AssessmentReports reports, DirectoryManagement directory, SupervisionOrders orders) {
		this.assessment = assessment;
		this.reports = reports;
		this.directory = directory;
		this.orders = orders;
	}

	@GetMapping("/workbench/assessment")
	String page(@RequestParam(required = false) String month, @CurrentStaff(missing = "page") StaffMember me, Model model) {
		YearMonth current = YearMonth.now(Clocks.ZONE);
		YearMonth wanted = month(month);
		if (month != null && !month.isBlank() && wanted == null) {
			model.addAttribute("errors", Map.of("month", "insight.assess.error.month"));
		}
		YearMonth shown = wanted == null ? current : wanted;
		MonthlyAssessment.Ranking ranking = assessment.ranking(region(me), shown);
		List<MonthlyAssessment.Ranked> rows = ranking.rows().stream().filter(r -> sees(me, r)).toList();
		model.addAttribute("ranking", ranking);
		model.addAttribute("rows", rows);
		model.addAttribute("month", month != null && wanted == null ? month : shown.toString());
		model.addAttribute("shown", shown);
		model.addAttribute("regionName", directory.fullName(region(me)));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "insight/assessment/page";
	}

	@GetMapping("/workbench/assessment/report")
	ResponseEntity<byte[]> report(@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String month,
			@CurrentStaff(missing = "page") StaffMember me) {
		YearMonth wanted = month(month);
		if (wanted == null) {
			throw DomainException.notFound("report");
		}
		MonthlyAssessment.Ranking ranking = assessment.ranking(region(me), wanted);
		MonthlyAssessment.Ranked row = ranking.rows().stream().filter(r -> r.department().code().equals(department) && sees(me, r)).findFirst()
			.orElseThrow(() -> DomainException.notFound("report"));
		byte[] pdf = reports.report(ranking, row, me.name());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("考核报告-" + wanted + "-" + row.department().code() + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	/** A month that has begun (yyyy-MM), or null for anything else: the future is not scored. */
	static YearMonth month(String value) {
		if (value == null || !value.strip().matches("\\d{4}-\\d{2}")) {
			return null;
		}
		try {
			YearMonth month = YearMonth.parse(value.strip());
			return month.isAfter(YearMonth.now(Clocks.ZONE)) || month.isBefore(YearMonth.of(2000, 1)) ? null : month;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** The region whose departments the viewer's ranking covers. */
	private String region(StaffMember me) {
		String region = orders.regionOf(me);
		return region.equals("--") ? directory.homeRegion() : region;
	}

	/** Supervisors, leaders and platform admins see every row of the region; a department admin their own. */
	private static boolean sees(StaffMember me, MonthlyAssessment.Ranked row) {
		return me.hasAny(Role.SUPERVISOR, Role.LEADER, Role.PLATFORM_ADMIN)
				|| me.has(Role.DEPT_ADMIN) && row.department().code().equals(me.departmentCode());
	}
}
