package tongban.casework.web;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
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

	private final Cases cases;
	private final Applying applying;

	WithdrawalController(Cases cases, Applying applying) {
		this.cases = cases;
		this.applying = applying;
	}

	@GetMapping("/cases/{id}/withdraw")
	String page(@PathVariable CaseId id, @CurrentActor Optional<Actor> actor, Model model, RedirectAttributes redirect) {
		return show(actor, id, null, "", model, redirect);
	}

	@PostMapping("/cases/{id}/withdraw")
	String withdraw(@PathVariable CaseId id, @RequestParam(required = false) String reason, @RequestParam(required = false) String confirm,
			@CurrentActor Optional<Actor> a, Model model, RedirectAttributes redirect) {
		String error = !"yes".equals(confirm) ? "confirm" : reason != null && reason.strip().length() > MAX_REASON ? "reason" : null;
		String page = show(a, id, error, reason == null ? "" : reason, model, redirect);
		if (error != null || !page.equals(PAGE)) {
			return page;
		}
		applying.withdraw(a.orElseThrow(), id, reason);
		redirect.addFlashAttribute("banner", "case.withdrawn");
		return "redirect:/cases/" + id;
	}

	private static final String PAGE = "casework/withdraw";

	/** The page for one's own case that can still be withdrawn; else back to the case with a notice. */
	private String show(Optional<Actor> a, CaseId id, String error, String reason, Model model, RedirectAttributes redirect) {
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
