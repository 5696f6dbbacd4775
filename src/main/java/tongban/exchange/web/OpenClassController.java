package tongban.exchange.web;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.exchange.ResourceOpenness;
import tongban.exchange.ResourceOpenness.OpenClass;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;

/** The providing department's admin sets a resource's open class (无条件开放 / 有条件开放 / 不予开放). */
@Controller
class OpenClassController {

	private final ResourceOpenness openness;

	OpenClassController(ResourceOpenness openness) {
		this.openness = openness;
	}

	@PostMapping("/workbench/exchange/resources/{code}/open-class")
	String set(@PathVariable String code, @RequestParam(defaultValue = "") String openClass, @CurrentStaff StaffMember staff,
			RedirectAttributes redirect) {
		ExchangeStaff.admin(staff);
		OpenClass chosen = Arrays.stream(OpenClass.values()).filter(c -> c.name().equals(openClass)).findFirst().orElse(null);
		openness.setOpenClass(code, chosen, staff.departmentCode(), staff.name());
		redirect.addFlashAttribute("banner", "opendata.openClass.saved");
		return "redirect:/workbench/exchange/resources#resource-" + code;
	}
}
