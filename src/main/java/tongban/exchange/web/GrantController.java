package tongban.exchange.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.exchange.Grant;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/** Grants for department admins: ask for another department's resource, approve or deny requests, revoke. */
@Controller
class GrantController {

	private final SharingGrants grants;
	private final ResourceCatalogue catalogue;
	private final DirectoryManagement directory;

	GrantController(SharingGrants grants, ResourceCatalogue catalogue, DirectoryManagement directory) {
		this.grants = grants;
		this.catalogue = catalogue;
		this.directory = directory;
	}

	@GetMapping("/workbench/exchange/grants")
	String grants(@RequestParam(required = false) String resource, @CurrentStaff StaffMember staff, Model model) {
		String department = ExchangeStaff.admin(staff).departmentCode();
		String chosen = resource != null ? resource : model.containsAttribute("form") ? (String) ((Map<?, ?>) model.getAttribute("form")).get("resource") : null;
		catalogue.resource(chosen == null ? "" : chosen).filter(r -> !r.providerDepartmentCode().equals(department))
			.ifPresent(r -> model.addAttribute("chosen", r));
		List<Grant> held = grants.grantsHeldBy(department);
		List<Grant> given = grants.grantsGivenBy(department);
		model.addAttribute("held", held);
		model.addAttribute("given", given);
		model.addAttribute("resources", catalogue.resources().stream().filter(r -> !r.providerDepartmentCode().equals(department)).toList());
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		Map<UUID, String> labels = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		Stream.concat(held.stream(), given.stream()).forEach(g -> {
			Resource r = catalogue.resource(g.resourceCode()).orElseThrow();
			names.put(r.code(), r.name());
			labels.put(g.id(), String.join("、", g.fields().stream().map(r::label).toList()));
		});
		model.addAttribute("labels", labels);
		model.addAttribute("names", names);
		model.addAttribute("departments", directory.departmentNames());
		return "exchange/grants";
	}

	@PostMapping("/workbench/exchange/grants")
	String request(@RequestParam(defaultValue = "") String resource, @RequestParam(required = false) List<String> fields,
			@RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String legalBasis,
			@RequestParam(defaultValue = "") String validUntil, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		ExchangeStaff.admin(staff);
		LocalDate until;
		try {
			until = LocalDate.parse(validUntil);
		}
		catch (DateTimeParseException e) {
			until = null;
		}
		Object result = grants.requestGrant(staff.departmentCode(), resource, fields, purpose, legalBasis, until, staff.name());
		if (result instanceof Map<?, ?> errors) {
			model.addAttribute("errors", errors);
			model.addAttribute("form", Map.of("resource", resource, "purpose", purpose, "legalBasis", legalBasis, "validUntil", validUntil, "fields",
					fields == null ? List.of() : fields));
			return grants(null, staff, model);
		}
		redirect.addFlashAttribute("banner", ((Grant) result).status().equals("GRANTED") ? "exchange.grant.grantedAtOnce" : "exchange.grant.requested");
		return "redirect:/workbench/exchange/grants";
	}

	@PostMapping("/workbench/exchange/grants/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(defaultValue = "") String reason,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		String department = ExchangeStaff.admin(staff).departmentCode();
		try {
			switch (decision) {
				case "approve" -> grants.decide(id, department, true, reason, staff.name());
				case "deny" -> grants.decide(id, department, false, reason, staff.name());
				case "revoke" -> grants.revoke(id, department, reason, staff.name());
				default -> throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "unknown decision");
			}
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("decisionError", "error." + e.code());
			model.addAttribute("decisionGrant", id);
			return grants(null, staff, model);
		}
		redirect.addFlashAttribute("banner", "exchange.grant.decided." + decision);
		return "redirect:/workbench/exchange/grants";
	}
}
