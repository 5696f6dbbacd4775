package tongban.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import tongban.audit.AuditTrail;

/**
 * The audit trail's check: {@code GET /api/admin/audit/verify} for monitoring systems (a client with the {@code audit}
 * scope) and the console's audit page for platform admins, both naming the first entry that fails.
 */
@Controller
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping(value = "/api/admin/audit/verify", produces = "application/json")
	@ResponseBody
	AuditTrail.Verification verifyApi() {
		return audit.verify();
	}

	@GetMapping("/console/audit")
	String page(Model model) {
		model.addAttribute("entries", audit.recent(50));
		return "audit/console-audit";
	}

	@PostMapping("/console/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", audit.verify());
		return page(model);
	}
}
