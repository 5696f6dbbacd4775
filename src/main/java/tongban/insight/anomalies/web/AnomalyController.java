package tongban.insight.anomalies.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.audit.AuditTrail;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.anomalies.AnomalyReviews;
import tongban.insight.anomalies.AnomalyScan;
import tongban.insight.anomalies.AnomalyStatus;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 数据查询异常核查: the supervisors of a region see the hits of the anomaly rules on reads by their region's departments,
 * scan a day at once, look at the evidence of a hit (recorded as a read) and clear or confirm it with a reason.
 */
@Controller
class AnomalyController {

	private final AnomalyReviews reviews;
	private final AnomalyScan scan;
	private final AuditTrail audit;

	AnomalyController(AnomalyReviews reviews, AnomalyScan scan, AuditTrail audit) {
		this.reviews = reviews;
		this.scan = scan;
		this.audit = audit;
	}

	@GetMapping("/workbench/anomalies")
	String list(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("hits", reviews.hits(staff));
		if (!model.containsAttribute("day")) {
			model.addAttribute("day", LocalDate.now(Clocks.ZONE).minusDays(1).toString());
		}
		return "insight/anomalies/list";
	}

	@PostMapping("/workbench/anomalies/scan")
	String scan(@RequestParam(defaultValue = "") String day, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		LocalDate parsed;
		try {
			parsed = LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException e) {
			return dayError("insight.anomaly.error.day", day, staff, model);
		}
		if (parsed.isAfter(LocalDate.now(Clocks.ZONE))) {
			return dayError("insight.anomaly.error.dayFuture", day, staff, model);
		}
		if (parsed.isBefore(LocalDate.now(Clocks.ZONE).minusYears(3))) {
			return dayError("insight.anomaly.error.dayPast", day, staff, model);
		}
		AnomalyScan.Result result = scan.scan(parsed);
		audit.record("ANOMALY_REVIEW", "staff:" + staff.id(), "anomaly-scan:" + parsed,
				"scanned " + result.reads() + " reads: " + result.hits() + " hits, " + result.opened() + " new");
		redirect.addFlashAttribute("banner", "insight.anomaly.scanned");
		redirect.addFlashAttribute("scanResult", result);
		return "redirect:/workbench/anomalies";
	}

	private String dayError(String key, String day, StaffMember staff, Model model) {
		model.addAttribute("dayError", key);
		model.addAttribute("day", day.length() > 20 ? day.substring(0, 20) : day);
		return list(staff, model);
	}

	@GetMapping("/workbench/anomalies/{id}")
	String hit(@PathVariable String id, @CurrentStaff StaffMember staff, Model model) {
		UUID hitId = uuid(id);
		model.addAttribute("hit", reviews.hit(hitId, staff).orElseThrow(() -> DomainException.notFound("anomaly")));
		model.addAttribute("evidence", reviews.evidence(hitId, staff));
		return "insight/anomalies/hit";
	}

	@PostMapping("/workbench/anomalies/{id}/decision")
	String decide(@PathVariable String id, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		UUID hitId = uuid(id);
		AnomalyStatus to = "CONFIRMED".equals(decision) ? AnomalyStatus.CONFIRMED : "CLEARED".equals(decision) ? AnomalyStatus.CLEARED : null;
		try {
			if (to == null) {
				reviews.hit(hitId, staff).orElseThrow(() -> DomainException.notFound("anomaly"));
				throw new DomainException(DomainException.Kind.INVALID, "insight-anomaly-decision", "choose clear or confirm");
			}
			reviews.decide(hitId, to, reason, staff);
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("decisionError", "insight.anomaly.error." + e.code());
			model.addAttribute("decisionField", to == null ? "decision-confirm" : "reason");
			model.addAttribute("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);
			model.addAttribute("decision", decision);
			return hit(id, staff, model);
		}
		redirect.addFlashAttribute("banner", to == AnomalyStatus.CONFIRMED ? "insight.anomaly.confirmed" : "insight.anomaly.cleared");
		return "redirect:/workbench/anomalies/" + hitId;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("anomaly");
		}
	}
}
