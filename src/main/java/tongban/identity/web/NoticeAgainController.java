package tongban.identity.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.identity.Actor;
import tongban.identity.ConsentChannel;
import tongban.identity.ConsentLedger;
import tongban.identity.PrivacyNotices;
import tongban.identity.ProcessingPurpose;
import tongban.identity.internal.SessionKeys;

/**
 * 规则更新: a citizen who last agreed to an older privacy notice sees what changed since and agrees to the version in
 * force before going on (they may sign out instead). Agreeing is recorded in the ledger as a renewal of the registration
 * consent, with this version, time and channel.
 */
@Controller
class NoticeAgainController {

	private static final String PAGE = "identity/notice-again";

	private final ConsentLedger consents;
	private final PrivacyNotices notices;

	NoticeAgainController(ConsentLedger consents, PrivacyNotices notices) {
		this.consents = consents;
		this.notices = notices;
	}

	@GetMapping("/account/notice")
	String page(@CurrentActor(fullScope = true) Actor actor, HttpSession session, Model model) {
		if (session.getAttribute(SessionKeys.NOTICE_OUTDATED) == null) {
			return "redirect:/account";
		}
		return show(session, false, model);
	}

	@PostMapping("/account/notice")
	String agree(@CurrentActor(fullScope = true) Actor actor, @RequestParam(defaultValue = "") String agree, HttpSession session,
			Model model) {
		if (session.getAttribute(SessionKeys.NOTICE_OUTDATED) == null) {
			return "redirect:/account";
		}
		if (!"yes".equals(agree)) {
			return show(session, true, model);
		}
		consents.give(actor.accountId(), ProcessingPurpose.REGISTRATION, ConsentChannel.WEB);
		session.removeAttribute(SessionKeys.NOTICE_OUTDATED);
		return "redirect:/account";
	}

	private String show(HttpSession session, boolean missing, Model model) {
		String agreed = (String) session.getAttribute(SessionKeys.NOTICE_OUTDATED);
		model.addAttribute("agreedVersion", agreed);
		model.addAttribute("current", notices.current());
		model.addAttribute("changes", notices.since(agreed));
		model.addAttribute("missing", missing);
		return PAGE;
	}
}
