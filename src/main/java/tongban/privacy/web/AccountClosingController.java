package tongban.privacy.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.privacy.AccountClosing;

/**
 * Closing one's account (个人信息保护法 Art. 47) in two steps: a page saying what will be deleted and what kept (and,
 * while cases are being handled, which ones stop it), then the confirmation. Once closed, the person is signed out and
 * shown the statement of what was kept and why; the account cannot sign in again.
 */
@Controller
class AccountClosingController {

	private final AccountClosing closing;

	AccountClosingController(AccountClosing closing) {
		this.closing = closing;
	}

	@GetMapping("/account/privacy/close")
	String confirm(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, Model model) {
		model.addAttribute("blocking", closing.underHandling(actor));
		return "privacy/close";
	}

	@PostMapping("/account/privacy/close")
	String close(@RequestParam(defaultValue = "") String confirmed, @CurrentActor(missing = "privacy", fullScope = true) Actor actor,
			Model model, HttpServletRequest request) throws ServletException {
		if (!"yes".equals(confirmed)) {
			model.addAttribute("confirmError", "privacy.close.error.confirm");
			return confirm(actor, model);
		}
		AccountClosing.Statement statement;
		try {
			statement = closing.close(actor);
		}
		catch (AccountClosing.CasesUnderHandling refused) {
			model.addAttribute("refusedCases", String.join("、", refused.caseNumbers()));
			return confirm(actor, model);
		}
		request.logout();
		model.addAttribute("statement", statement);
		return "privacy/closed";
	}
}
