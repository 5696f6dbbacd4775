package tongban.casework.web;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.CaseManagement;
import tongban.casework.CaseManagement.CaseView;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;

/**
 * 撤回申请 as a deliberate act: a page of its own saying what withdrawing means, an explicit confirmation (a box to
 * tick) and a warning-styled button. The case page links here; nothing withdraws in one tap. A case that can no longer
 * be withdrawn (decided, or withdrawn already) goes back to its page with a notice.
 */
@Controller
class WithdrawalController {

	/** The longest reason kept with the withdrawal. */
	static final int MAX_REASON = 200;

	private final CaseManagement cases;
	private final IdentityManagement identity;

	WithdrawalController(CaseManagement cases, IdentityManagement identity) {
		this.cases = cases;
		this.identity = identity;
	}

	@GetMapping("/cases/{id}/withdraw")
	String page(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		return show(identity.citizenActor(auth, request), id, null, "", model, redirect);
	}

	@PostMapping("/cases/{id}/withdraw")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason, @RequestParam(required = false) String confirm,
			Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Optional<Actor> a = identity.citizenActor(auth, request);
		String error = !"yes".equals(confirm) ? "confirm" : reason != null && reason.strip().length() > MAX_REASON ? "reason" : null;
		String page = show(a, id, error, reason == null ? "" : reason, model, redirect);
		if (error != null || !page.equals(PAGE)) {
			return page;
		}
		cases.withdraw(a.orElseThrow(), id, reason);
		redirect.addFlashAttribute("banner", "case.withdrawn");
		return "redirect:/cases/" + id;
	}

	private static final String PAGE = "casework/withdraw";

	/** The page for one's own case that can still be withdrawn; else back to the case with a notice. */
	private String show(Optional<Actor> a, UUID id, String error, String reason, Model model, RedirectAttributes redirect) {
		CaseView c = a.flatMap(actor -> cases.find(actor, id)).orElseThrow(() -> DomainException.notFound("case"));
		if (!c.status().withdrawable()) {
			redirect.addFlashAttribute("bannerError", "case.withdraw.notPossible");
			return "redirect:/cases/" + id;
		}
		model.addAttribute("c", c);
		model.addAttribute("reason", reason);
		model.addAttribute("error", error);
		return PAGE;
	}
}
