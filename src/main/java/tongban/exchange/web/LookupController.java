package tongban.exchange.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.exchange.DataLookups;
import tongban.exchange.Lookup;
import tongban.exchange.Reader;
import tongban.exchange.Refusal;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.Served;
import tongban.exchange.SharingGrants;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.shared.Masking;
import tongban.shared.Uscc;

/**
 * A lookup in the registers the staff member's department may read: purpose and case number required; ID numbers and
 * addresses masked until a clerk or approver asks to see one, which is recorded.
 */
@Controller
class LookupController {

	private final DataLookups lookups;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;

	LookupController(DataLookups lookups, ResourceCatalogue catalogue, SharingGrants grants) {
		this.lookups = lookups;
		this.catalogue = catalogue;
		this.grants = grants;
	}

	@GetMapping("/workbench/exchange")
	String lookupForm(@CurrentStaff StaffMember staff, Model model) {
		ExchangeStaff.ofDepartment(staff);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		model.addAttribute("resources", grants.grantsHeldBy(staff.departmentCode())
			.stream()
			.filter(g -> g.inForce(today))
			.map(g -> catalogue.resource(g.resourceCode()).orElseThrow())
			.distinct()
			.toList());
		model.addAttribute("mayReveal", ExchangeStaff.mayReveal(staff));
		return "exchange/lookup";
	}

	record Shown(String label, String value, String field, boolean masked) {
	}

	@PostMapping("/workbench/exchange")
	String lookup(@RequestParam(defaultValue = "") String resource, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String caseNumber,
			@RequestParam(name = "reveal", required = false) String reveal, @CurrentStaff StaffMember staff, Model model) {
		ExchangeStaff.ofDepartment(staff);
		Map<String, String> errors = new LinkedHashMap<>();
		if (resource.isBlank()) {
			errors.put("resource", "exchange.lookup.error.resource");
		}
		if (IdNumber.check(subject).isPresent() && Uscc.check(subject).isPresent()) {
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
			return lookupForm(staff, model);
		}
		boolean mayReveal = ExchangeStaff.mayReveal(staff);
		Reader reader = Reader.staff(staff);
		Served served;
		try {
			served = lookups.lookup(reader, new Lookup(resource, subject.strip(), null, purpose, caseNumber), reveal == null);
			if (reveal != null) {
				if (!mayReveal || !served.fields().contains(reveal)) {
					throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "may not reveal");
				}
				lookups.recordReveal(reader, resource, subject.strip(), reveal, purpose, caseNumber);
			}
		}
		catch (Refusal e) {
			model.addAttribute("errors", Map.of("resource", "error." + e.code()));
			model.addAttribute("errorArgs", e.args());
			return lookupForm(staff, model);
		}
		List<List<Shown>> rows = new ArrayList<>();
		for (Map<String, String> record : served.records()) {
			List<Shown> row = new ArrayList<>();
			for (String field : served.fields()) {
				String type = served.resource().field(field).map(Resource.Field::type).orElse("string");
				String value = record.get(field);
				boolean maskable = type.equals("idNumber") || type.equals("address");
				boolean masked = maskable && !field.equals(reveal);
				row.add(new Shown(served.resource().label(field),
						masked ? (type.equals("idNumber") ? Masking.idNumber(value) : Masking.address(value)) : value, field, masked && mayReveal));
			}
			rows.add(row);
		}
		model.addAttribute("served", served);
		model.addAttribute("rows", rows);
		return lookupForm(staff, model);
	}
}
