package tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.identity.internal.PrivacyNotice;

/** The privacy notice (个人信息处理规则) with its version, linked from the footer and from registration. */
@Controller
class PrivacyController {

	@GetMapping("/privacy")
	String notice(Model model) {
		model.addAttribute("version", PrivacyNotice.VERSION);
		model.addAttribute("effective", PrivacyNotice.EFFECTIVE);
		return "identity/privacy";
	}
}
