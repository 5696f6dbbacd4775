package tongban.hall.assist.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.AssistedDrafts;
import tongban.feedback.Clerk;
import tongban.feedback.VisitRatings;
import tongban.hall.assist.AssistText;
import tongban.hall.assist.HomeVisitDesk;
import tongban.hall.assist.HomeVisitStatus;
import tongban.hall.assist.HomeVisits;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.FieldProblem;
import tongban.shared.QrCode;

/**
 * 上门服务 on the workbench: a community worker (代办员) files a request for a resident; the assigned staff member sees
 * their visits and, beside the person, checks identity, files the case with them, records the visit and types in the
 * confirmation code the person received.
 */
@Controller
class HomeVisitDeskController {

	private static final String BASE = "/workbench/hall/home-visits/";

	private final HomeVisits visits;
	private final HomeVisitDesk desk;
	private final IdentityManagement identity;
	private final VisitRatings ratings;
	private final MessageSource messages;
	private final String baseUrl;

	HomeVisitDeskController(HomeVisits visits, HomeVisitDesk desk, IdentityManagement identity, VisitRatings ratings, MessageSource messages,
			@Value("${tongban.public-url:http://localhost:8080}") String baseUrl) {
		this.visits = visits;
		this.desk = desk;
		this.identity = identity;
		this.ratings = ratings;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping("/workbench/hall/home-visits")
	String list(@CurrentStaff(missing = "home visit") StaffMember staff, Model model) {
		model.addAttribute("visits", visits.ofStaff(staff));
		model.addAttribute("items", visits.items());
		model.addAttribute("staffId", staff.id());
		return "hall/assist/desk-visits";
	}

	@GetMapping("/workbench/hall/home-visits/new")
	String ask(@CurrentStaff(missing = "home visit") StaffMember staff, Model model) {
		return form(VisitForm.empty(), null, model);
	}

	private String form(VisitForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("townships", visits.townships());
		model.addAttribute("items", visits.items());
		model.addAttribute("reasons", HomeVisits.Reason.values());
		return "hall/assist/desk-visit-new";
	}

	@PostMapping("/workbench/hall/home-visits/new")
	String request(@ModelAttribute VisitForm form, @CurrentStaff(missing = "home visit") StaffMember staff, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = visits.check(form.request());
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return form(form, errors, model);
		}
		UUID person = identity.citizenByIdNumber(form.idNumber()).map(AccountSummary::id).orElse(null);
		UUID id = visits.request(form.request(), HomeVisits.RequestChannel.COMMUNITY, person, staff.id(), staff.name());
		return "redirect:" + BASE + id;
	}

	@GetMapping("/workbench/hall/home-visits/{id}")
	String show(@PathVariable UUID id, @CurrentStaff(missing = "home visit") StaffMember staff, Model model) {
		HomeVisits.HomeVisit v = visits.forStaff(staff, id);
		boolean assigned = staff.id().equals(v.assignedAccountId());
		model.addAttribute("visit", v);
		model.addAttribute("assigned", assigned);
		model.addAttribute("items", visits.items());
		model.addAttribute("townships", visits.townships());
		if (assigned && v.status() != HomeVisitStatus.CANCELLED) {
			model.addAttribute("person", visits.person(staff, id));
			model.addAttribute("caseNumber", desk.caseNumber(staff, id).orElse(null));
		}
		if (v.ratingVisitId() != null && assigned) {
			ratings.visitOfClerk(new Clerk(staff.id(), staff.name(), staff.departmentCode(), staff.regionScope()), v.ratingVisitId())
				.ifPresent(r -> {
					String url = baseUrl + "/rate/" + r.token();
					model.addAttribute("rateUrl", url);
					model.addAttribute("qr", QrCode.svg(url, r.windowLabel()));
				});
		}
		return "hall/assist/desk-visit";
	}

	@PostMapping("/workbench/hall/home-visits/{id}/identity")
	String identity(@PathVariable UUID id, @CurrentStaff(missing = "home visit") StaffMember staff, RedirectAttributes redirect) {
		IdentityManagement.InPerson result = desk.checkIdentity(staff, id);
		redirect.addFlashAttribute(result == IdentityManagement.InPerson.RAISED ? "banner" : "bannerError",
				"hall.assist.visit.identity." + result.name());
		return "redirect:" + BASE + id;
	}

	@PostMapping("/workbench/hall/home-visits/{id}/case")
	String startCase(@PathVariable UUID id, @CurrentStaff(missing = "home visit") StaffMember staff) {
		desk.startCase(staff, id);
		return "redirect:" + BASE + id + "/draft";
	}

	@GetMapping("/workbench/hall/home-visits/{id}/draft")
	String draft(@PathVariable UUID id, @CurrentStaff(missing = "home visit") StaffMember staff, Model model, Locale locale) {
		return draftPage(id, desk.draft(staff, id), List.of(), model, locale);
	}

	private String draftPage(UUID id, AssistedDrafts.AssistedDraft draft, List<FieldProblem> problems, Model model, Locale locale) {
		model.addAttribute("visitId", id);
		model.addAttribute("draft", draft.draft());
		model.addAttribute("form", DraftFields.of(draft, problems, p -> messages.getMessage(p.code(), p.argArray(), p.code(), locale)));
		return "hall/assist/desk-visit-draft";
	}

	/** Saves what was filled in; with {@code action=submit} then submits the application as counter intake. */
	@PostMapping("/workbench/hall/home-visits/{id}/draft")
	String fill(@PathVariable UUID id, @RequestParam(name = "action", defaultValue = "save") String action,
			@CurrentStaff(missing = "home visit") StaffMember staff, HttpServletRequest request, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		AssistedDrafts.AssistedDraft draft = desk.draft(staff, id);
		List<FieldProblem> problems = desk.fill(staff, id, DraftFields.values(draft, request), DraftFields.uploads(request));
		if ("submit".equals(action) && problems.isEmpty()) {
			problems = desk.submit(staff, id);
			if (problems.isEmpty()) {
				redirect.addFlashAttribute("banner", "hall.assist.visit.submitted");
				return "redirect:" + BASE + id;
			}
		}
		if ("submit".equals(action)) {
			response.setStatus(422);
		}
		return draftPage(id, desk.draft(staff, id), problems, model, locale);
	}

	@PostMapping("/workbench/hall/home-visits/{id}/visited")
	String visited(@PathVariable UUID id, @RequestParam(name = "notes", defaultValue = "") String notes,
			@CurrentStaff(missing = "home visit") StaffMember staff, Model model, HttpServletResponse response) {
		Optional<String> problem = AssistText.problem(notes, 500);
		if (problem.isPresent()) {
			response.setStatus(422);
			model.addAttribute("errors", Map.of("notes", problem.get()));
			model.addAttribute("notes", notes);
			return show(id, staff, model);
		}
		desk.recordVisit(staff, id, notes);
		return "redirect:" + BASE + id;
	}

	@PostMapping("/workbench/hall/home-visits/{id}/confirm")
	String confirm(@PathVariable UUID id, @RequestParam(name = "code", defaultValue = "") String code,
			@CurrentStaff(missing = "home visit") StaffMember staff, Model model, HttpServletResponse response) {
		if (!desk.confirm(staff, id, code)) {
			response.setStatus(422);
			model.addAttribute("errors", Map.of("code", "hall.assist.visit.error.code"));
			return show(id, staff, model);
		}
		return "redirect:" + BASE + id;
	}

	@PostMapping("/workbench/hall/home-visits/{id}/resend")
	String resend(@PathVariable UUID id, @CurrentStaff(missing = "home visit") StaffMember staff, RedirectAttributes redirect) {
		desk.resendCode(staff, id);
		redirect.addFlashAttribute("banner", "hall.assist.visit.resent");
		return "redirect:" + BASE + id;
	}

	@PostMapping("/workbench/hall/home-visits/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason,
			@CurrentStaff(missing = "home visit") StaffMember staff) {
		visits.forStaff(staff, id);
		visits.cancel(staff.id(), id, reason.length() > 200 ? reason.substring(0, 200) : reason);
		return "redirect:" + BASE + id;
	}
}
