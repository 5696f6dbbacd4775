package tongban.exchange.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.exchange.DataQuality;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/** Data quality for the providing department's admins: the findings of their resources, a run on demand, fixes. */
@Controller
class QualityController {

	private final DataQuality quality;
	private final ResourceCatalogue catalogue;

	QualityController(DataQuality quality, ResourceCatalogue catalogue) {
		this.quality = quality;
		this.catalogue = catalogue;
	}

	@GetMapping("/workbench/exchange/quality")
	String quality(@CurrentStaff StaffMember staff, Model model) {
		String department = ExchangeStaff.admin(staff).departmentCode();
		model.addAttribute("findings", quality.findings(department));
		model.addAttribute("rules", quality.rules().stream()
			.filter(r -> catalogue.resource(r.resource()).map(x -> x.providerDepartmentCode().equals(department)).orElse(false))
			.toList());
		return "exchange/quality";
	}

	@PostMapping("/workbench/exchange/quality/run")
	String runQuality(@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		ExchangeStaff.admin(staff);
		quality.runAll();
		redirect.addFlashAttribute("banner", "exchange.quality.ran");
		return "redirect:/workbench/exchange/quality";
	}

	@PostMapping("/workbench/exchange/quality/{id}/fixed")
	String fixed(@PathVariable long id, @RequestParam(defaultValue = "") String note, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		ExchangeStaff.admin(staff);
		try {
			quality.fix(id, staff.departmentCode(), note, staff.name());
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("fixError", "error." + e.code());
			model.addAttribute("fixFinding", id);
			return quality(staff, model);
		}
		redirect.addFlashAttribute("banner", "exchange.quality.fixed");
		return "redirect:/workbench/exchange/quality";
	}
}
