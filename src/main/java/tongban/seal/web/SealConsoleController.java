package tongban.seal.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.seal.SealRegistry;
import tongban.shared.DomainException;

/**
 * The seal registry in the console (platform admins, by the rules for /console/**): every department's seals with
 * image, type, role, validity and status; a new seal (keys and certificates made at once); suspension, restoration and
 * revocation with a reason (a revoked seal's certificates appear on the CRLs); an uploaded image in place of the drawn
 * one; each seal's uses and refusals.
 */
@Controller
class SealConsoleController {

	static final List<String> ROLES = List.of(Role.APPROVER.name(), Role.DEPT_ADMIN.name(), Role.COUNTER_CLERK.name());

	private final SealRegistry seals;
	private final DirectoryManagement directory;

	SealConsoleController(SealRegistry seals, DirectoryManagement directory) {
		this.seals = seals;
		this.directory = directory;
	}

	@GetMapping("/console/seals")
	String list(Model model) {
		model.addAttribute("departments", directory.departments());
		model.addAttribute("seals", directory.departments().stream().flatMap(d -> seals.seals(d.code()).stream()).toList());
		model.addAttribute("types", SealRegistry.TYPES);
		model.addAttribute("roles", ROLES);
		return "seal/console-seals";
	}

	@PostMapping("/console/seals")
	String create(@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String role, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		if (directory.departmentByCode(department).isEmpty() || !SealRegistry.TYPES.contains(type) || !ROLES.contains(role)) {
			model.addAttribute("createError", "seal.console.error.create");
			return list(model);
		}
		SealRegistry.SealView s = seals.create(department, type, role, staff.name());
		redirect.addFlashAttribute("banner", "seal.console.created");
		return "redirect:/console/seals/" + s.id();
	}

	@GetMapping("/console/seals/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("seal", seals.seal(id).orElseThrow(() -> DomainException.notFound("seal")));
		model.addAttribute("uses", seals.uses(id, 100));
		var certificate = seals.certificate(id);
		model.addAttribute("certificateSubject", certificate.getSubjectX500Principal().getName());
		model.addAttribute("certificateSerial", certificate.getSerialNumber().toString(16));
		return "seal/console-seal";
	}

	@GetMapping(value = "/console/seals/{id}/image", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> image(@PathVariable UUID id) {
		return ResponseEntity.ok(seals.image(id).orElseThrow(() -> DomainException.notFound("seal")));
	}

	/** An uploaded seal image in place of the drawn one; a file that cannot serve is refused at the field. */
	@PostMapping("/console/seals/{id}/image")
	String uploadImage(@PathVariable UUID id, @RequestParam(name = "image", required = false) MultipartFile image, @CurrentStaff StaffMember staff,
			Model model, RedirectAttributes redirect) throws IOException {
		String problem = image == null || image.isEmpty() ? "seal.image.error.empty"
				: image.getSize() > SealRegistry.IMAGE_MAX_BYTES ? "seal.image.error.size" : seals.replaceImage(id, image.getBytes(), staff.name());
		if (problem != null) {
			model.addAttribute("imageError", problem);
			return detail(id, model);
		}
		redirect.addFlashAttribute("banner", "seal.image.replaced");
		return "redirect:/console/seals/" + id;
	}

	@PostMapping("/console/seals/{id}/status")
	String status(@PathVariable UUID id, @RequestParam String status, @RequestParam(defaultValue = "") String reason,
			@CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		SealRegistry.Status target;
		try {
			target = SealRegistry.Status.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(DomainException.Kind.INVALID, "seal-status", "unknown status");
		}
		if (reason.isBlank()) {
			model.addAttribute("statusError", "seal.console.error.reason");
			return detail(id, model);
		}
		seals.setStatus(id, target, reason.strip(), staff.name());
		redirect.addFlashAttribute("banner", "seal.console.status." + target.name());
		return "redirect:/console/seals/" + id;
	}
}
