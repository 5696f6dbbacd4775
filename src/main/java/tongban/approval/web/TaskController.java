package tongban.approval.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.approval.ApprovalManagement;
import tongban.approval.ClockAction;
import tongban.approval.ProcessStep;
import tongban.casework.CaseAnswers;
import tongban.casework.CaseClock;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.RevealPurpose;
import tongban.casework.MaterialView;
import tongban.casework.PostalDelivery;
import tongban.catalog.ServiceGuide;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.notification.DeliveryViews;
import tongban.shared.DomainException;
import tongban.shared.FileStore;

/** The staff workbench: the inbox of tasks by time left, a task with its case, claiming and deciding. */
@Controller
class TaskController {

	private final ApprovalManagement approval;
	private final Cases cases;
	private final IdentityManagement identity;
	private final FileStore files;
	private final MessageSource messages;
	private final DeliveryViews deliveries;

	TaskController(ApprovalManagement approval, Cases cases, IdentityManagement identity, FileStore files, MessageSource messages,
			DeliveryViews deliveries) {
		this.deliveries = deliveries;
		this.messages = messages;
		this.approval = approval;
		this.cases = cases;
		this.identity = identity;
		this.files = files;
	}

	private String level(int level, Locale locale) {
		return messages.getMessage("account.level." + level, null, locale);
	}

	/** The applicant's level of assurance, and the filer's when a proxy or agent filed the case for them. */
	private String assurance(CaseView c, Locale locale) {
		var party = cases.filing(c.id()).orElseThrow().party();
		String partyLevel = party.kind() == Party.Kind.CITIZEN
				? identity.account(party.id()).map(x -> level(x.assuranceLevel(), locale)).orElse("—") : "—";
		if (party.id().equals(c.applicantAccountId())) {
			return partyLevel;
		}
		var filer = identity.account(c.applicantAccountId()).orElseThrow();
		return messages.getMessage("task.assurance.filedBy", new Object[] { party.name(), partyLevel, filer.displayName(),
				level(filer.assuranceLevel(), locale) }, locale);
	}

	@GetMapping("/workbench/tasks")
	String inbox(@RequestParam(required = false) String mine, @RequestParam(required = false) String step,
			@RequestParam(required = false) String urgent, @RequestParam(defaultValue = "0") int page, @CurrentStaff(missing = "task") StaffMember staff, Model model) {
		var filter = new ApprovalManagement.InboxFilter(mine != null, step == null || step.isBlank() ? null : step, urgent != null);
		model.addAttribute("staff", staff);
		model.addAttribute("filter", filter);
		model.addAttribute("steps", ProcessStep.KNOWN);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("tasks", approval.inbox(staff, filter, page, ApprovalManagement.INBOX_PAGE));
		return "approval/inbox";
	}

	@GetMapping("/workbench/tasks/{taskId}")
	String task(@PathVariable String taskId, @CurrentStaff(missing = "task") StaffMember staff, Model model) {
		return task(taskId, staff, model, false);
	}

	/**
	 * The staff member handling the task asks to see the applicant's ID numbers, phone numbers and addresses in full:
	 * recorded in the audit trail (DATA_REVEAL) before they are shown.
	 */
	@PostMapping("/workbench/tasks/{taskId}/reveal")
	String reveal(@PathVariable String taskId, @RequestParam(name = "purpose", defaultValue = "") String purpose,
			@CurrentStaff(missing = "task") StaffMember staff, Model model) {
		CaseView c = approval.caseOf(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		Optional<RevealPurpose> stated = RevealPurpose.parse(purpose);
		if (stated.isEmpty()) {
			model.addAttribute("revealError", "reveal.error.purpose");
			return task(taskId, staff, model, false);
		}
		cases.recordReveal(c.id(), staff, stated.get());
		return task(taskId, staff, model, true);
	}

	private String task(String taskId, StaffMember staff, Model model, boolean revealed) {
		var task = approval.task(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		CaseView c = approval.caseOf(staff, taskId).orElseThrow(() -> DomainException.notFound("task"));
		ServiceGuide g = cases.guideOf(c);
		model.addAttribute("staff", staff);
		model.addAttribute("task", task);
		model.addAttribute("c", c);
		model.addAttribute("byPost", c.byPost());
		model.addAttribute("carriers", PostalDelivery.CARRIERS.keySet());
		model.addAttribute("g", g);
		Map<String, String> sources = new HashMap<>();
		Locale locale = LocaleContextHolder.getLocale();
		// how each value not typed was obtained: the applicant's account (with its level of assurance) or a register
		cases.provenance(c.id()).forEach((k, v) -> sources.put(k, v.fromAccount()
				? messages.getMessage("task.fromAccount", new Object[] { level(v.assuranceLevel() == null ? 1 : v.assuranceLevel(), locale) }, locale)
				: v.source()));
		model.addAttribute("assurance", assurance(c, locale));
		model.addAttribute("answers", CaseAnswers.rows(g.applicationForm(), c.values(), sources, !revealed));
		model.addAttribute("revealed", revealed);
		model.addAttribute("revealPurposes", RevealPurpose.values());
		model.addAttribute("personal", CaseAnswers.hasPersonalData(g.applicationForm()));
		model.addAttribute("anyVerified", !sources.isEmpty());
		model.addAttribute("specialKinds", CaseClock.SPECIAL_PROCEDURES);
		model.addAttribute("specialRunning", c.paused());
		model.addAttribute("deferred", cases.deferred(c.id()));
		// the e-mails and texts sent to the applicant about this case and whether they arrived
		model.addAttribute("deliveries", deliveries.ofCase(c.id().value()));
		return "approval/task";
	}

	@PostMapping("/workbench/tasks/{taskId}/claim")
	String claim(@PathVariable String taskId, @RequestParam(defaultValue = "claim") String action, @CurrentStaff(missing = "task") StaffMember staff) {
		if (action.equals("unclaim")) {
			approval.unclaim(staff, taskId);
		}
		else {
			approval.claim(staff, taskId);
		}
		return "redirect:/workbench/tasks/" + taskId;
	}

	@PostMapping("/workbench/tasks/{taskId}")
	String decide(@PathVariable String taskId, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String opinion, @RequestParam(required = false) String carrier,
			@RequestParam(required = false) String trackingNumber, @RequestParam Map<String, String> params, @CurrentStaff(missing = "task") StaffMember staff,
			Model model, RedirectAttributes redirect) {
		Map<Integer, String> supplements = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.matches("supplement\\.\\d{1,3}") && "on".equals(v)) {
				int i = Integer.parseInt(k.substring("supplement.".length()));
				supplements.put(i, params.getOrDefault("reason." + i, ""));
			}
		});
		try {
			approval.complete(staff, taskId, ApprovalManagement.Decision.of(decision, opinion, supplements, carrier, trackingNumber)
				.refusedOn(params.get("refusalReason")));
		}
		catch (DomainException e) {
			// a missing input, or a grant while promised materials are missing or the fee unpaid: said on the task page, nothing changed
			if (e.kind() != DomainException.Kind.INVALID && !"deferred-pending".equals(e.code()) && !"fee-unpaid".equals(e.code())) {
				throw e;
			}
			model.addAttribute("decisionError", "task.error." + e.code());
			model.addAttribute("opinion", opinion);
			model.addAttribute("carrier", carrier);
			model.addAttribute("trackingNumber", trackingNumber);
			return task(taskId, staff, model);
		}
		redirect.addFlashAttribute("banner", "task.done");
		return "redirect:/workbench/tasks";
	}

	/** 特别程序 start or end, or an extension (with the approving head), on the task's case. */
	@PostMapping("/workbench/tasks/{taskId}/clock")
	String clock(@PathVariable String taskId, @RequestParam String action, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String text, @RequestParam(required = false) String days,
			@RequestParam(required = false) String approvedBy, @CurrentStaff(missing = "task") StaffMember staff, Model model, RedirectAttributes redirect) {
		Integer n = null;
		try {
			n = days == null || days.isBlank() ? null : Integer.valueOf(days.strip());
		}
		catch (NumberFormatException e) {
			n = -1;
		}
		try {
			approval.clockAction(staff, taskId, ClockAction.of(action).orElse(null), kind, text, n, approvedBy);
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND) {
				throw e;
			}
			model.addAttribute("clockError", "task.error." + e.code());
			return task(taskId, staff, model);
		}
		redirect.addFlashAttribute("banner", "task.clock." + action);
		return "redirect:/workbench/tasks/" + taskId;
	}

	@GetMapping("/workbench/tasks/{taskId}/materials/{index}")
	ResponseEntity<InputStreamResource> material(@PathVariable String taskId, @PathVariable int index, @CurrentStaff(missing = "task") StaffMember staff) {
		CaseView c = approval.caseOf(staff, taskId).orElseThrow(() -> DomainException.notFound("material"));
		MaterialView m = c.materials().stream().filter(x -> x.index() == index).findFirst()
			.orElseThrow(() -> DomainException.notFound("material"));
		return CaseAnswers.download(files, m);
	}
}
