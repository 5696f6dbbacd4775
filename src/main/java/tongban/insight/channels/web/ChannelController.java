package tongban.insight.channels.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.channels.ChannelCheck;
import tongban.insight.channels.ChannelFindings;
import tongban.insight.channels.MediaAccounts;
import tongban.insight.channels.MediaPlatform;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 网站/渠道普查: the findings of the last pass (a department's admin sees their department's, a supervisor their
 * region's, a platform admin all), a pass at once, and the department admin's register of 政务新媒体 accounts.
 */
@Controller
class ChannelController {

	private final ChannelCheck check;
	private final ChannelFindings findings;
	private final MediaAccounts media;
	private final AuditTrail audit;

	ChannelController(ChannelCheck check, ChannelFindings findings, MediaAccounts media, AuditTrail audit) {
		this.check = check;
		this.findings = findings;
		this.media = media;
		this.audit = audit;
	}

	@GetMapping("/workbench/channel-checks")
	String findings(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("findings", findings.visibleTo(staff));
		model.addAttribute("admin", isAdmin(staff));
		return "insight/channels/findings";
	}

	@PostMapping("/workbench/channel-checks/run")
	String run(@CurrentStaff StaffMember staff, RedirectAttributes redirect) {
		ChannelCheck.Result result = check.check(LocalDate.now(Clocks.ZONE));
		audit.record("CHANNEL_CHECK", "staff:" + staff.id(), "channel-check", "checked " + result.linksAsked() + " links: " + result.findings());
		redirect.addFlashAttribute("banner", "insight.channel.checked");
		redirect.addFlashAttribute("result", result);
		return "redirect:/workbench/channel-checks";
	}

	@GetMapping("/workbench/channel-checks/media")
	String media(@CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("accounts", media.of(admin(staff).departmentCode()));
		model.addAttribute("platforms", MediaPlatform.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new MediaAccounts.Registration("", "", "", "", LocalDate.now(Clocks.ZONE).toString()));
		}
		List<MediaAccounts.Problem> problems = model.containsAttribute("problems") ? problemsOf(model) : List.of();
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(p.field(), p.key()));
		model.addAttribute("problems", problems);
		model.addAttribute("errors", errors);
		return "insight/channels/media";
	}

	@PostMapping("/workbench/channel-checks/media")
	String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String platform,
			@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String content,
			@RequestParam(defaultValue = "") String lastUpdate, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		MediaAccounts.Registration form = new MediaAccounts.Registration(cut(name, 100), cut(platform, 20), cut(url, 400), cut(content, 300),
				cut(lastUpdate, 20));
		List<MediaAccounts.Problem> problems = media.register(form, admin(staff));
		if (!problems.isEmpty()) {
			model.addAttribute("form", form);
			model.addAttribute("problems", problems);
			return media(staff, model);
		}
		redirect.addFlashAttribute("banner", "insight.channel.media.registered");
		return "redirect:/workbench/channel-checks/media";
	}

	@PostMapping("/workbench/channel-checks/media/{id}/updated")
	String updated(@PathVariable String id, @RequestParam(defaultValue = "") String lastUpdate, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) {
		UUID account;
		try {
			account = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("media-account");
		}
		try {
			media.updated(account, cut(lastUpdate, 20), admin(staff));
		}
		catch (DomainException e) {
			if (e.kind() != DomainException.Kind.INVALID) {
				throw e;
			}
			model.addAttribute("problems", List.of(new MediaAccounts.Problem("updated-" + account, "insight.channel.media.error.lastUpdate")));
			return media(staff, model);
		}
		redirect.addFlashAttribute("banner", "insight.channel.media.updated");
		return "redirect:/workbench/channel-checks/media";
	}

	@SuppressWarnings("unchecked")
	private static List<MediaAccounts.Problem> problemsOf(Model model) {
		return (List<MediaAccounts.Problem>) model.getAttribute("problems");
	}

	private static boolean isAdmin(StaffMember staff) {
		return staff.has(Role.DEPT_ADMIN) && staff.departmentCode() != null;
	}

	private static StaffMember admin(StaffMember staff) {
		if (!isAdmin(staff)) {
			throw new AccessDeniedException("department admins only");
		}
		return staff;
	}

	private static String cut(String value, int max) {
		return value.length() > max ? value.substring(0, max) : value;
	}
}
