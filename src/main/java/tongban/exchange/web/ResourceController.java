package tongban.exchange.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.ResourceOpenness;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;

/** The resource catalogue for staff; department admins register their department's resources. */
@Controller
class ResourceController {

	private final ResourceCatalogue catalogue;
	private final DirectoryManagement directory;
	private final ResourceOpenness openness;

	ResourceController(ResourceCatalogue catalogue, DirectoryManagement directory, ResourceOpenness openness) {
		this.catalogue = catalogue;
		this.directory = directory;
		this.openness = openness;
	}

	@GetMapping("/workbench/exchange/resources")
	String resources(@CurrentStaff StaffMember staff, Model model) {
		ExchangeStaff.ofDepartment(staff);
		model.addAttribute("resources", catalogue.resources());
		model.addAttribute("departments", directory.departmentNames());
		model.addAttribute("isAdmin", staff.has(Role.DEPT_ADMIN));
		model.addAttribute("myDepartment", staff.departmentCode());
		model.addAttribute("openClasses", openness.openClasses());
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
			@RequestParam(defaultValue = "") String providingSystem, @RequestParam(defaultValue = "") String fields,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		ExchangeStaff.admin(staff);
		List<Resource.Field> parsed = new ArrayList<>();
		boolean fieldsReadable = true;
		for (String line : fields.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			if (parts.length != 4) {
				fieldsReadable = false;
				break;
			}
			parsed.add(new Resource.Field(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip()));
		}
		Resource resource = new Resource(code.strip().toUpperCase(Locale.ROOT), name, staff.departmentCode(), subjectKind, sharingClass,
				updateFrequency, legalBasis, providingSystem, fieldsReadable ? parsed : List.of());
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Resource> existing = catalogue.resource(resource.code());
		if (existing.isPresent() && !existing.get().providerDepartmentCode().equals(staff.departmentCode())) {
			errors.put("code", "exchange.resource.error.taken");
		}
		else {
			errors.putAll(catalogue.saveResource(resource, staff.name()));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("form", Map.of("code", code, "name", name, "subjectKind", subjectKind, "sharingClass", sharingClass, "updateFrequency",
					updateFrequency, "legalBasis", legalBasis, "providingSystem", providingSystem, "fields", fields));
			return resources(staff, model);
		}
		redirect.addFlashAttribute("banner", "exchange.resource.saved");
		return "redirect:/workbench/exchange/resources";
	}
}
