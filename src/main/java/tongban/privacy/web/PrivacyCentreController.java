package tongban.privacy.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;

/**
 * 隐私中心 ({@code /account/privacy}): one page listing a person's rights over their data, each section a fragment of its
 * own ({@code privacy/fragments/*}) leading to the page where the right is exercised. Only the person themselves, never
 * a proxy acting for them, sees it.
 */
@Controller
class PrivacyCentreController {

	@GetMapping("/account/privacy")
	String centre(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, Model model) {
		model.addAttribute("actor", actor);
		return "privacy/centre";
	}
}
