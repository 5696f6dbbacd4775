package tongban.hall.assist.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.catalog.CatalogManagement;
import tongban.hall.assist.AssistText;
import tongban.hall.assist.HelpConversations;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 线上帮办, the person's side: ask for help from a guide or an application page, follow the conversation (new messages
 * appear without reloading where JavaScript runs; the 刷新 button does it without), let the helper see the draft, or
 * withdraw that consent.
 */
@Controller
class HelpController {

	private final HelpConversations conversations;
	private final CatalogManagement catalog;

	HelpController(HelpConversations conversations, CatalogManagement catalog) {
		this.conversations = conversations;
		this.catalog = catalog;
	}

	static Optional<UUID> uuid(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.notFound("case");
		}
	}

	@GetMapping("/account/help/new")
	String ask(@RequestParam(name = "item", required = false) String item, @RequestParam(name = "case", required = false) String caseId,
			@CurrentActor(missing = "conversation") Actor actor, Model model) {
		return form(item, caseId, "", null, model);
	}

	private String form(String item, String caseId, String message, Map<String, String> errors, Model model) {
		String code = item == null ? "" : item.strip();
		if (!code.isEmpty()) {
			model.addAttribute("itemName", catalog.published(code).map(p -> p.guide().name()).orElseThrow(() -> DomainException.notFound("item")));
		}
		uuid(caseId).ifPresent(id -> model.addAttribute("caseId", id));
		model.addAttribute("item", code);
		model.addAttribute("message", message);
		model.addAttribute("errors", errors);
		return "hall/assist/help-new";
	}

	@PostMapping("/account/help/new")
	String open(@RequestParam(name = "item", defaultValue = "") String item, @RequestParam(name = "case", required = false) String caseId,
			@RequestParam(name = "message", defaultValue = "") String message, @CurrentActor(missing = "conversation") Actor actor,
			Model model, HttpServletResponse response) {
		Optional<String> problem = AssistText.problem(message, AssistText.MESSAGE_MAX);
		if (problem.isPresent()) {
			response.setStatus(422);
			return form(item, caseId, message, Map.of("message", problem.get()), model);
		}
		UUID id = conversations.open(actor, item.isBlank() ? null : item.strip(), uuid(caseId).orElse(null), message);
		return "redirect:/account/help/" + id;
	}

	@GetMapping("/account/help")
	String list(@CurrentActor(missing = "conversation") Actor actor, Model model) {
		model.addAttribute("conversations", conversations.ofAccount(actor.accountId()));
		return "hall/assist/help-list";
	}

	@GetMapping("/account/help/{id}")
	String show(@PathVariable UUID id, @CurrentActor(missing = "conversation") Actor actor, Model model) {
		return page(conversations.ofCitizen(actor.accountId(), id), "", null, model);
	}

	private String page(HelpConversations.Conversation c, String message, Map<String, String> errors, Model model) {
		model.addAttribute("conversation", c);
		model.addAttribute("messages", conversations.messages(c.id(), 0));
		model.addAttribute("consent", conversations.consent(c.id()).orElse(null));
		model.addAttribute("itemName", c.itemCode() == null ? null : catalog.published(c.itemCode()).map(p -> p.guide().name()).orElse(c.itemCode()));
		model.addAttribute("message", message);
		model.addAttribute("errors", errors);
		return "hall/assist/help";
	}

	/** The messages after one the page already shows: what the page's script appends. */
	@GetMapping("/account/help/{id}/messages")
	String messages(@PathVariable UUID id, @RequestParam(name = "after", defaultValue = "0") long after,
			@CurrentActor(missing = "conversation") Actor actor, Model model) {
		conversations.ofCitizen(actor.accountId(), id);
		model.addAttribute("messages", conversations.messages(id, after));
		return "hall/assist/fragments :: messages";
	}

	@PostMapping("/account/help/{id}/messages")
	String say(@PathVariable UUID id, @RequestParam(name = "message", defaultValue = "") String message,
			@CurrentActor(missing = "conversation") Actor actor, Model model, HttpServletResponse response) {
		HelpConversations.Conversation c = conversations.ofCitizen(actor.accountId(), id);
		Optional<String> problem = AssistText.problem(message, AssistText.MESSAGE_MAX);
		if (problem.isPresent()) {
			response.setStatus(422);
			return page(c, message, Map.of("message", problem.get()), model);
		}
		conversations.say(actor.accountId(), id, message);
		return "redirect:/account/help/" + id + "#latest";
	}

	@PostMapping("/account/help/{id}/consent")
	String consent(@PathVariable UUID id, @CurrentActor(missing = "conversation") Actor actor) {
		conversations.giveConsent(actor.accountId(), id);
		return "redirect:/account/help/" + id;
	}

	@PostMapping("/account/help/{id}/consent/withdraw")
	String withdraw(@PathVariable UUID id, @CurrentActor(missing = "conversation") Actor actor) {
		conversations.withdrawConsent(actor.accountId(), id);
		return "redirect:/account/help/" + id;
	}

	@PostMapping("/account/help/{id}/close")
	String close(@PathVariable UUID id, @CurrentActor(missing = "conversation") Actor actor) {
		conversations.closeByCitizen(actor.accountId(), id);
		return "redirect:/account/help/" + id;
	}
}
