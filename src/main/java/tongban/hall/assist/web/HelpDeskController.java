package tongban.hall.assist.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.casework.AssistedDrafts;
import tongban.catalog.CatalogManagement;
import tongban.hall.assist.AssistText;
import tongban.hall.assist.HelpConversations;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.FieldProblem;

/**
 * 线上帮办, the helper's side: staff on duty (a counter clerk with a window) see the conversations waiting, take one,
 * answer it, and with the person's consent fill in their draft with them.
 */
@Controller
class HelpDeskController {

	private final HelpConversations conversations;
	private final CatalogManagement catalog;
	private final MessageSource messages;

	HelpDeskController(HelpConversations conversations, CatalogManagement catalog, MessageSource messages) {
		this.conversations = conversations;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/workbench/hall/help")
	String desk(@CurrentStaff(missing = "conversation") StaffMember staff, Model model) {
		model.addAttribute("onDuty", conversations.onDuty(staff));
		model.addAttribute("waiting", conversations.onDuty(staff) ? conversations.waiting(staff) : List.of());
		model.addAttribute("mine", conversations.takenBy(staff));
		return "hall/assist/desk-help";
	}

	@GetMapping("/workbench/hall/help/{id}")
	String show(@PathVariable UUID id, @CurrentStaff(missing = "conversation") StaffMember staff, Model model) {
		return page(staff, conversations.forStaff(staff, id), "", null, model);
	}

	private String page(StaffMember staff, HelpConversations.Conversation c, String message, Map<String, String> errors, Model model) {
		model.addAttribute("conversation", c);
		model.addAttribute("messages", conversations.messages(c.id(), 0));
		model.addAttribute("consent", conversations.consent(c.id()).filter(HelpConversations.Consent::active).orElse(null));
		model.addAttribute("mine", staff.id().equals(c.helperAccountId()));
		model.addAttribute("itemName", c.itemCode() == null ? null : catalog.published(c.itemCode()).map(p -> p.guide().name()).orElse(c.itemCode()));
		model.addAttribute("message", message);
		model.addAttribute("errors", errors);
		return "hall/assist/desk-conversation";
	}

	@GetMapping("/workbench/hall/help/{id}/messages")
	String messages(@PathVariable UUID id, @RequestParam(name = "after", defaultValue = "0") long after,
			@CurrentStaff(missing = "conversation") StaffMember staff, Model model) {
		conversations.forStaff(staff, id);
		model.addAttribute("messages", conversations.messages(id, after));
		return "hall/assist/fragments :: messages";
	}

	@PostMapping("/workbench/hall/help/{id}/take")
	String take(@PathVariable UUID id, @CurrentStaff(missing = "conversation") StaffMember staff) {
		conversations.take(staff, id);
		return "redirect:/workbench/hall/help/" + id;
	}

	@PostMapping("/workbench/hall/help/{id}/messages")
	String answer(@PathVariable UUID id, @RequestParam(name = "message", defaultValue = "") String message,
			@CurrentStaff(missing = "conversation") StaffMember staff, Model model, HttpServletResponse response) {
		HelpConversations.Conversation c = conversations.forStaff(staff, id);
		Optional<String> problem = AssistText.problem(message, AssistText.MESSAGE_MAX);
		if (problem.isPresent()) {
			response.setStatus(422);
			return page(staff, c, message, Map.of("message", problem.get()), model);
		}
		conversations.answer(staff, id, message);
		return "redirect:/workbench/hall/help/" + id + "#latest";
	}

	@PostMapping("/workbench/hall/help/{id}/close")
	String close(@PathVariable UUID id, @CurrentStaff(missing = "conversation") StaffMember staff) {
		conversations.closeByStaff(staff, id);
		return "redirect:/workbench/hall/help";
	}

	@GetMapping("/workbench/hall/help/{id}/draft")
	String draft(@PathVariable UUID id, @CurrentStaff(missing = "conversation") StaffMember staff, Model model, Locale locale) {
		return draftPage(id, conversations.draft(staff, id), List.of(), false, model, locale);
	}

	private String draftPage(UUID id, AssistedDrafts.AssistedDraft draft, List<FieldProblem> problems, boolean saved, Model model, Locale locale) {
		model.addAttribute("conversationId", id);
		model.addAttribute("draft", draft.draft());
		model.addAttribute("form", DraftFields.of(draft, problems, p -> messages.getMessage(p.code(), p.argArray(), p.code(), locale)));
		model.addAttribute("saved", saved);
		return "hall/assist/desk-help-draft";
	}

	@PostMapping("/workbench/hall/help/{id}/draft")
	String fill(@PathVariable UUID id, @CurrentStaff(missing = "conversation") StaffMember staff, HttpServletRequest request, Model model,
			Locale locale) {
		AssistedDrafts.AssistedDraft draft = conversations.draft(staff, id);
		// saved even when the form is not complete yet: what is missing shows at its field
		List<FieldProblem> problems = conversations.fill(staff, id, DraftFields.values(draft, request));
		return draftPage(id, conversations.draft(staff, id), problems, true, model, locale);
	}
}
