package tongban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.identity.NoticeVersion;
import tongban.identity.PrivacyNotices;
import tongban.shared.DomainException;

/**
 * The privacy notice (个人信息处理规则) in force, with its version, the 个人信息保护负责人 and the published history of
 * versions, each readable as it was (个人信息保护法 Art. 17: the rules are public and a change is told).
 */
@Controller
class PrivacyController {

	private final PrivacyNotices notices;

	PrivacyController(PrivacyNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/privacy")
	String notice(Model model) {
		return show(notices.current(), true, model);
	}

	@GetMapping("/privacy/versions")
	String versions(Model model) {
		model.addAttribute("versions", notices.published());
		model.addAttribute("current", notices.current());
		return "identity/privacy-versions";
	}

	@GetMapping("/privacy/versions/{version}")
	String version(@PathVariable String version, Model model) {
		NoticeVersion shown = notices.version(version).orElseThrow(() -> DomainException.notFound("notice-version"));
		return show(shown, shown.equals(notices.current()), model);
	}

	private String show(NoticeVersion shown, boolean current, Model model) {
		model.addAttribute("notice", shown);
		model.addAttribute("current", current);
		model.addAttribute("version", shown.version());
		model.addAttribute("effective", shown.effective());
		model.addAttribute("officer", notices.officer());
		return "identity/privacy";
	}
}
