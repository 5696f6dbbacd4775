package tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.StaffMember;
import tongban.identity.internal.SigningKeyRotation;
import tongban.shared.DomainException;

/**
 * Platform admin console: the OIDC signing keys and their rotation (publish a new key, let it sign, retire the old one),
 * applied at once on every node (ADR 0045, docs/cluster.md "Keys"). Each step is audited by the rotation itself.
 */
@Controller
class SigningKeyConsoleController {

	private final SigningKeyRotation rotation;

	SigningKeyConsoleController(SigningKeyRotation rotation) {
		this.rotation = rotation;
	}

	@GetMapping("/console/keys")
	String keys(Model model) {
		model.addAttribute("keys", rotation.list());
		return "identity/keys";
	}

	@PostMapping("/console/keys")
	String add(@CurrentStaff StaffMember admin, RedirectAttributes flash) {
		flash.addFlashAttribute("done", "keys.added");
		flash.addFlashAttribute("doneKid", rotation.add(admin.name()));
		return "redirect:/console/keys";
	}

	@PostMapping("/console/keys/{kid}/activate")
	String activate(@PathVariable String kid, @CurrentStaff StaffMember admin, RedirectAttributes flash) {
		return step(flash, kid, "keys.activated", () -> rotation.activate(kid, admin.name()));
	}

	@PostMapping("/console/keys/{kid}/retire")
	String retire(@PathVariable String kid, @CurrentStaff StaffMember admin, RedirectAttributes flash) {
		return step(flash, kid, "keys.retired", () -> rotation.retire(kid, admin.name()));
	}

	/** A step done, or refused because the key moved on or its tokens may still be valid: said on the page, not a 409. */
	private static String step(RedirectAttributes flash, String kid, String done, Runnable step) {
		try {
			step.run();
			flash.addFlashAttribute("done", done);
		}
		catch (DomainException refused) {
			if (refused.kind() == DomainException.Kind.NOT_FOUND) {
				throw refused;
			}
			flash.addFlashAttribute("refused", "keys.refused." + refused.code());
		}
		flash.addFlashAttribute("doneKid", kid);
		return "redirect:/console/keys";
	}
}
