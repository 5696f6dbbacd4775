package tongban.exchange.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.exchange.ExchangeManagement;
import tongban.exchange.ExchangeManagement.Refusal;
import tongban.identity.StaffMember;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * Staff pages of the sharing layer: a lookup in the registers their department may read (purpose and case number
 * required; ID numbers and addresses masked until a clerk or approver asks to see one, which is recorded); the resource
 * catalogue; grants for department admins (ask, approve or deny, revoke); reports of reads for supervisors.
 */
@Controller
class ExchangeWorkbenchController {

	static final java.util.Set<Role> MAY_REVEAL = java.util.EnumSet.of(Role.COUNTER_CLERK, Role.APPROVER);

	private final ExchangeManagement exchange;
	private final IdentityManagement identity;
	private final DirectoryManagement directory;

	private final tongban.exchange.DataQuality quality;

	ExchangeWorkbenchController(ExchangeManagement exchange, IdentityManagement identity, DirectoryManagement directory,
			tongban.exchange.DataQuality quality) {
		this.quality = quality;
		this.exchange = exchange;
		this.identity = identity;
		this.directory = directory;
	}

	record Staff(UUID id, String name, String departmentCode, String regionScope, java.util.Set<Role> roles) {

		ExchangeManagement.Reader reader() {
			return new ExchangeManagement.Reader(departmentCode, null, id.toString(), name);
		}

		/** Counter clerks and approvers may show an ID number or address in full (recorded). */
		boolean mayReveal() {
			return roles.stream().anyMatch(MAY_REVEAL::contains);
		}
	}

	private Staff staff(Authentication auth) {
		StaffMember a = identity.staffMember(UUID.fromString(auth.getName()))
			.orElseThrow(() -> DomainException.notFound("account"));
		if (a.departmentCode() == null) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "staff without a department");
		}
		return new Staff(a.id(), a.name(), a.departmentCode(), a.regionScope(), a.roles());
	}

	// ---- lookup

	@GetMapping("/workbench/exchange")
	String lookupForm(Authentication auth, Model model) {
		Staff s = staff(auth);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		model.addAttribute("resources", exchange.grantsHeldBy(s.departmentCode())
			.stream()
			.filter(g -> g.inForce(today))
			.map(g -> exchange.resource(g.resourceCode()).orElseThrow())
			.distinct()
			.toList());
		model.addAttribute("mayReveal", s.mayReveal());
		return "exchange/lookup";
	}

	record Shown(String label, String value, String field, boolean masked) {
	}

	@PostMapping("/workbench/exchange")
	String lookup(@RequestParam(defaultValue = "") String resource, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String caseNumber,
			@RequestParam(required = false) String reveal, Authentication auth, Model model) {
		Staff s = staff(auth);
		Map<String, String> errors = new LinkedHashMap<>();
		if (resource.isBlank()) {
			errors.put("resource", "exchange.lookup.error.resource");
		}
		if (tongban.shared.IdNumber.check(subject).isPresent() && tongban.shared.Uscc.check(subject).isPresent()) {
			errors.put("subject", "exchange.lookup.error.subject");
		}
		if (purpose.isBlank()) {
			errors.put("purpose", "exchange.lookup.error.purpose");
		}
		if (caseNumber.isBlank()) {
			errors.put("caseNumber", "exchange.lookup.error.caseNumber");
		}
		model.addAttribute("form", Map.of("resource", resource, "subject", subject, "purpose", purpose, "caseNumber", caseNumber));
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return lookupForm(auth, model);
		}
		boolean mayReveal = s.mayReveal();
		ExchangeManagement.Served served;
		try {
			served = exchange.lookup(s.reader(), new ExchangeManagement.Lookup(resource, subject.strip(), null, purpose, caseNumber), reveal == null);
			if (reveal != null) {
				if (!mayReveal || !served.fields().contains(reveal)) {
					throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "may not reveal");
				}
				exchange.recordReveal(s.reader(), resource, subject.strip(), reveal, purpose, caseNumber);
			}
		}
		catch (Refusal e) {
			model.addAttribute("errors", Map.of("resource", "error." + e.code()));
			model.addAttribute("errorArgs", e.args());
			return lookupForm(auth, model);
		}
		List<List<Shown>> rows = new ArrayList<>();
		for (Map<String, String> rec : served.records()) {
			List<Shown> row = new ArrayList<>();
			for (String f : served.fields()) {
				String type = served.resource().field(f).map(ExchangeManagement.Field::type).orElse("string");
				String v = rec.get(f);
				boolean maskable = type.equals("idNumber") || type.equals("address");
				boolean masked = maskable && !f.equals(reveal);
				row.add(new Shown(served.resource().label(f), masked ? (type.equals("idNumber") ? Masking.idNumber(v) : Masking.address(v)) : v, f,
						masked && mayReveal));
			}
			rows.add(row);
		}
		model.addAttribute("served", served);
		model.addAttribute("rows", rows);
		return lookupForm(auth, model);
	}

	// ---- catalogue

	@GetMapping("/workbench/exchange/resources")
	String resources(Authentication auth, Model model) {
		Staff s = staff(auth);
		model.addAttribute("resources", exchange.resources());
		model.addAttribute("departments", directory.departmentNames());
		model.addAttribute("isAdmin", s.roles().contains(Role.DEPT_ADMIN));
		model.addAttribute("myDepartment", s.departmentCode());
		return "exchange/resources";
	}

	/**
	 * A department admin registers a resource of their department; fields one per line as
	 * {@code name|label|type|sensitivity}.
	 */
	@PostMapping("/workbench/exchange/resources")
	String saveResource(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String subjectKind, @RequestParam(defaultValue = "") String sharingClass,
			@RequestParam(defaultValue = "") String updateFrequency, @RequestParam(defaultValue = "") String legalBasis,
			@RequestParam(defaultValue = "") String providingSystem, @RequestParam(defaultValue = "") String fields, Authentication auth, Model model,
			RedirectAttributes redirect) {
		Staff s = admin(auth);
		List<ExchangeManagement.Field> parsed = new ArrayList<>();
		boolean fieldsReadable = true;
		for (String line : fields.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] p = line.split("\\|", -1);
			if (p.length != 4) {
				fieldsReadable = false;
				break;
			}
			parsed.add(new ExchangeManagement.Field(p[0].strip(), p[1].strip(), p[2].strip(), p[3].strip()));
		}
		var resource = new ExchangeManagement.Resource(code.strip().toUpperCase(java.util.Locale.ROOT), name, s.departmentCode(), subjectKind, sharingClass,
				updateFrequency, legalBasis, providingSystem, fieldsReadable ? parsed : List.of());
		Map<String, String> errors = new LinkedHashMap<>();
		var existing = exchange.resource(resource.code());
		if (existing.isPresent() && !existing.get().providerDepartmentCode().equals(s.departmentCode())) {
			errors.put("code", "exchange.resource.error.taken");
		}
		else {
			errors.putAll(exchange.saveResource(resource, s.name()));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("form", Map.of("code", code, "name", name, "subjectKind", subjectKind, "sharingClass", sharingClass, "updateFrequency",
					updateFrequency, "legalBasis", legalBasis, "providingSystem", providingSystem, "fields", fields));
			return resources(auth, model);
		}
		redirect.addFlashAttribute("banner", "exchange.resource.saved");
		return "redirect:/workbench/exchange/resources";
	}

	// ---- grants

	private Staff admin(Authentication auth) {
		Staff s = staff(auth);
		if (!s.roles().contains(Role.DEPT_ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException("department admins only");
		}
		return s;
	}

	@GetMapping("/workbench/exchange/grants")
	String grants(@RequestParam(required = false) String resource, Authentication auth, Model model) {
		Staff s = admin(auth);
		String chosen = resource != null ? resource : model.containsAttribute("form") ? (String) ((Map<?, ?>) model.getAttribute("form")).get("resource") : null;
		exchange.resource(chosen == null ? "" : chosen).filter(r -> !r.providerDepartmentCode().equals(s.departmentCode()))
			.ifPresent(r -> model.addAttribute("chosen", r));
		List<ExchangeManagement.Grant> held = exchange.grantsHeldBy(s.departmentCode());
		List<ExchangeManagement.Grant> given = exchange.grantsGivenBy(s.departmentCode());
		model.addAttribute("held", held);
		model.addAttribute("given", given);
		model.addAttribute("resources", exchange.resources().stream().filter(r -> !r.providerDepartmentCode().equals(s.departmentCode())).toList());
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		Map<UUID, String> labels = new java.util.HashMap<>();
		Map<String, String> names = new java.util.HashMap<>();
		java.util.stream.Stream.concat(held.stream(), given.stream()).forEach(g -> {
					var r = exchange.resource(g.resourceCode()).orElseThrow();
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
			@RequestParam(defaultValue = "") String validUntil, Authentication auth, Model model, RedirectAttributes redirect) {
		Staff s = admin(auth);
		LocalDate until;
		try {
			until = LocalDate.parse(validUntil);
		}
		catch (java.time.format.DateTimeParseException e) {
			until = null;
		}
		Object result = exchange.requestGrant(s.departmentCode(), resource, fields, purpose, legalBasis, until, s.name());
		if (result instanceof Map<?, ?> errors) {
			model.addAttribute("errors", errors);
			model.addAttribute("form", Map.of("resource", resource, "purpose", purpose, "legalBasis", legalBasis, "validUntil", validUntil, "fields",
					fields == null ? List.of() : fields));
			return grants(null, auth, model);
		}
		redirect.addFlashAttribute("banner",
				((ExchangeManagement.Grant) result).status().equals("GRANTED") ? "exchange.grant.grantedAtOnce" : "exchange.grant.requested");
		return "redirect:/workbench/exchange/grants";
	}

	@PostMapping("/workbench/exchange/grants/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(defaultValue = "") String reason, Authentication auth,
			Model model, RedirectAttributes redirect) {
		Staff s = admin(auth);
		try {
			switch (decision) {
				case "approve" -> exchange.decide(id, s.departmentCode(), true, reason, s.name());
				case "deny" -> exchange.decide(id, s.departmentCode(), false, reason, s.name());
				case "revoke" -> exchange.revoke(id, s.departmentCode(), reason, s.name());
				default -> throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "unknown decision");
			}
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("decisionError", "error." + e.code());
			model.addAttribute("decisionGrant", id);
			return grants(null, auth, model);
		}
		redirect.addFlashAttribute("banner", "exchange.grant.decided." + decision);
		return "redirect:/workbench/exchange/grants";
	}

	// ---- data quality (the providing department's admins)

	@GetMapping("/workbench/exchange/quality")
	String quality(Authentication auth, Model model) {
		Staff s = admin(auth);
		model.addAttribute("findings", quality.findings(s.departmentCode()));
		model.addAttribute("rules", quality.rules().stream()
			.filter(r -> exchange.resource(r.resource()).map(x -> x.providerDepartmentCode().equals(s.departmentCode())).orElse(false))
			.toList());
		return "exchange/quality";
	}

	@PostMapping("/workbench/exchange/quality/run")
	String runQuality(Authentication auth, RedirectAttributes redirect) {
		admin(auth);
		quality.runAll();
		redirect.addFlashAttribute("banner", "exchange.quality.ran");
		return "redirect:/workbench/exchange/quality";
	}

	@PostMapping("/workbench/exchange/quality/{id}/fixed")
	String fixed(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication auth, Model model, RedirectAttributes redirect) {
		Staff s = admin(auth);
		try {
			quality.fix(id, s.departmentCode(), note, s.name());
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("fixError", "error." + e.code());
			model.addAttribute("fixFinding", id);
			return quality(auth, model);
		}
		redirect.addFlashAttribute("banner", "exchange.quality.fixed");
		return "redirect:/workbench/exchange/quality";
	}

	// ---- reports of reads (supervisors)

	private Staff supervisor(Authentication auth) {
		Staff s = staff(auth);
		if (!s.roles().contains(Role.SUPERVISOR)) {
			throw new org.springframework.security.access.AccessDeniedException("supervisors only");
		}
		return s;
	}

	@GetMapping("/workbench/data-reports")
	String reports(Authentication auth, Model model) {
		Staff s = supervisor(auth);
		model.addAttribute("reports", exchange.reports(s.regionScope()));
		return "exchange/reports";
	}

	@PostMapping("/workbench/data-reports/{id}")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer, Authentication auth, Model model,
			RedirectAttributes redirect) {
		Staff s = supervisor(auth);
		try {
			exchange.answer(id, s.regionScope(), answer, s.name());
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("answerError", "error." + e.code());
			model.addAttribute("answerReport", id);
			return reports(auth, model);
		}
		redirect.addFlashAttribute("banner", "exchange.report.answered");
		return "redirect:/workbench/data-reports";
	}
}
