package tongban.shared.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * 适老化 elder-friendly mode: larger type, higher contrast, fewer elements. The choice is a cookie kept for a year,
 * so it persists across visits and sign-ins on the device.
 */
@Controller
@ControllerAdvice
class Preferences {

	static final String ELDER_COOKIE = "tb_elder";

	@ModelAttribute("elderMode")
	boolean elderMode(@CookieValue(name = ELDER_COOKIE, required = false) String elder) {
		return "1".equals(elder);
	}

	@ModelAttribute("currentUri")
	String currentUri(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@PostMapping("/preferences/elder")
	String elder(@RequestParam(defaultValue = "on") String mode, @RequestParam(defaultValue = "/") String back,
			HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(ELDER_COOKIE, "on".equals(mode) ? "1" : "0")
			.path("/")
			.maxAge(Duration.ofDays(365))
			.sameSite("Lax")
			.httpOnly(true)
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		return "redirect:" + safeBack(back);
	}

	/** Only local paths, so the parameter cannot send anyone to another site. */
	static String safeBack(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
			return "/";
		}
		return back;
	}
}
